import CreatorText
@testable import CreatorEngine

/// The reference answer to a query: every document tested against the profile it was
/// built from, with the semantics `QueryPlanner` documents, and no index structure at all.
struct BruteForceSearch {
    let fixture: SearchFixture
    let analyzer: TextAnalyzer
    /// Documents by id and by lower-cased handle, found by scanning the profiles.
    private let byID: [String: [Int]]
    private let byHandle: [String: [Int]]

    /// A term whose positions in one text field (an index into `TextField.allCases`) the
    /// index cannot read: phrases with it never match in that field (`DamagedPositionsTests`).
    let unreadable: (field: Int, term: String)?

    init(fixture: SearchFixture, analyzer: TextAnalyzer, unreadable: (field: Int, term: String)? = nil) {
        self.fixture = fixture
        self.analyzer = analyzer
        self.unreadable = unreadable
        var byID: [String: [Int]] = [:], byHandle: [String: [Int]] = [:]
        for (document, profile) in fixture.profiles.enumerated() {
            byID[profile.id, default: []].append(document)
            byHandle[profile.handle.lowercased(), default: []].append(document)
        }
        self.byID = byID
        self.byHandle = byHandle
    }

    func matches(_ node: QueryNode, _ document: Int) -> Bool {
        let profile = fixture.profiles[document]
        switch node.kind {
        case .and(let children): return children.allSatisfy { matches($0, document) }
        case .or(let children): return children.contains { matches($0, document) }
        case .not(let child): return !matches(child, document)
        case .text(let term): return text(term, document)
        case .keyword(let field, let values):
            return values.contains { value in
                switch field {
                case .country: profile.country == value
                case .lang: profile.languages.contains(value)
                case .category: fixture.categories[document].contains(analyzer.foldKeyword(value))
                case .hashtag: fixture.hashtags[document].contains(analyzer.foldKeyword(value))
                case .id: profile.id == value
                case .handle: profile.handle.lowercased() == value.lowercased()
                }
            }
        case .platform(let platforms): return platforms.contains(profile.platform)
        case .tier(let tiers): return tiers.contains(profile.tier)
        case .numeric(let field, let predicates):
            guard let value = field.column.value(of: profile) else { return false }
            return predicates.contains { $0.matches(value) }
        case .audience(let field, let key, let predicate):
            guard let distribution = field.dimension.distribution(of: profile.audience) else { return false }
            // Shares compare as the profile shows them: rounded to four decimals.
            return predicate.matches(distribution.share(of: key).roundedToFourDecimals)
        case .risk(let levels):
            return levels.contains(fixture.index.risk.level(of: document))
        case .flag(let names):
            let raised = fixture.index.risk.flags(of: document).flags.map(\.rawValue)
            return names.contains { raised.contains($0) }
        case .like(let references):
            let named = references.flatMap { reference(of: $0) }
            return !named.contains(document)
                && named.contains { Float(fixture.index.lookalike.similarity(document, $0)) >= Float(LookalikeVectors.matchThreshold) }
        case .overlap(let creator, let predicate):
            guard let named = reference(of: creator).first, named != document,
                  let share = fixture.index.overlap.share(of: document, sharedWith: named) else { return false }
            return predicate.atFloatPrecision.matches(Double(Float(share)))
        }
    }

    /// A word: each analysed term in some field. A phrase: the terms in one field at the
    /// query's relative positions.
    private func text(_ term: TextTerm, _ document: Int) -> Bool {
        let analysed = analyzer.analyze(term.text)
        guard !analysed.isEmpty else { return true }
        let fields = fixture.fieldTerms[document]
        guard term.isPhrase, analysed.count > 1 else {
            return analysed.allSatisfy { part in fields.contains { $0[part.text] != nil } }
        }
        return fields.indices.contains { field in
            let terms = fields[field]
            if let unreadable, unreadable.field == field, analysed.contains(where: { $0.text == unreadable.term }) { return false }
            guard let starts = terms[analysed[0].text] else { return false }
            return starts.contains { start in
                analysed.allSatisfy { part in
                    let wanted = Int(start) + part.position - analysed[0].position
                    return wanted >= 0 && terms[part.text]?.contains(UInt32(wanted)) == true
                }
            }
        }
    }

    /// The documents a `like:`/`overlap:` reference names.
    func reference(of reference: CreatorReference) -> [Int] {
        switch reference {
        case .id(let id): byID[id] ?? []
        case .handle(let handle): byHandle[handle.lowercased()] ?? []
        }
    }

    /// Every matching document, ascending.
    func matchingDocuments(_ root: QueryNode?) -> [Int] {
        (0..<fixture.index.documentCount).filter { document in root.map { matches($0, document) } ?? true }
    }
}
