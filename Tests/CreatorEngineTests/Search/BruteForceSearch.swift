import CreatorText
@testable import CreatorEngine

/// The reference answer to a query: every document tested against the profile it was
/// built from, with the semantics `QueryPlanner` documents, and no index structure at all.
struct BruteForceSearch {
    let fixture: SearchFixture
    let analyzer: TextAnalyzer

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
            // The index keeps shares as Float.
            return predicate.matches(Double(Float(distribution.share(of: key))))
        case .risk, .flag, .like, .overlap:
            return false
        }
    }

    /// A word: each analysed term in some field. A phrase: the terms in one field at the
    /// query's relative positions.
    private func text(_ term: TextTerm, _ document: Int) -> Bool {
        let analysed = analyzer.analyze(term.text)
        guard !analysed.isEmpty else { return true }
        let fields = fixture.fieldTerms[document]
        guard term.isPhrase, Set(analysed.map(\.text)).count > 1 else {
            return analysed.allSatisfy { part in fields.contains { $0[part.text] != nil } }
        }
        return fields.contains { terms in
            guard let starts = terms[analysed[0].text] else { return false }
            return starts.contains { start in
                analysed.allSatisfy { part in
                    let wanted = Int(start) + part.position - analysed[0].position
                    return wanted >= 0 && terms[part.text]?.contains(UInt32(wanted)) == true
                }
            }
        }
    }

    /// Every matching document, ascending.
    func matchingDocuments(_ root: QueryNode?) -> [Int] {
        (0..<fixture.index.documentCount).filter { document in root.map { matches($0, document) } ?? true }
    }
}
