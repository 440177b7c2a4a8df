import CreatorText

/// Compiles a parsed condition into a tree of `DocumentMatcher`s over one index: keyword
/// qualifiers become postings lists, numbers and audience shares become per-document
/// checks (or an audience key's postings when a share of 0 cannot pass), free text is
/// analysed with the same ICU analyser as the index and becomes term and phrase matchers.
///
/// Semantics the brute-force reference in the tests follows too:
/// - an unknown value (no ER, no audience data) satisfies no comparison, and `-x` is the
///   complement of `x`, so `-er:>=3%` includes creators whose ER is unknown;
/// - a word matches when each of its analysed terms occurs in some text field (a Chinese
///   word the analyser splits in two needs both parts); a word that analyses to nothing
///   (only punctuation) is no condition;
/// - a phrase needs its terms in one field at the distances the query's analysis gives.
struct QueryPlanner {
    let index: CreatorIndex
    let analyzer: TextAnalyzer
    let scoring: TextScoring
    let postingsCache: PostingsCache
    let facets: DocumentFacets
    let bitsets: DocumentBitsets
    let orders: ValueOrders
    /// The query text, for errors that point into it.
    let queryText: String
    /// How phrases find their occurrences.
    var phrases: PhraseEvaluation = .automatic

    func matcher(for node: QueryNode) throws(QueryError) -> DocumentMatcher {
        let count = index.documentCount
        switch node.kind {
        case .and(let children):
            var parts: [DocumentMatcher] = []
            for child in children {
                let part = try matcher(for: child)
                // Flatten nested ANDs (from words and phrases) so the driver is chosen among all.
                if let and = part as? AndMatcher { parts += and.parts } else { parts.append(part) }
            }
            return AndMatcher(parts)
        case .or(let children):
            var parts: [DocumentMatcher] = []
            for child in children { parts.append(try matcher(for: child)) }
            return OrMatcher(parts, documentCount: count)
        case .not(let child):
            return NotMatcher(try matcher(for: child), documentCount: count)
        case .text(let term):
            return text(term)
        case .keyword(let field, let values):
            return anyOf(values.map { keyword(field, $0) })
        case .platform(let platforms):
            return anyOf(platforms.map { facet(.platform, $0.rawValue, label: "platform = \($0.rawValue)") })
        case .tier(let tiers):
            return anyOf(tiers.map { facet(.tier, $0.rawValue, label: "tier = \($0.rawValue)") })
        case .numeric(let field, let predicates):
            let values = index.column(field.column)
            return ColumnMatcher(values: values, predicates: predicates, label: node.label,
                                 superset: field == .followers ? tierLists(spanning: predicates) : nil,
                                 order: { [orders] in orders.column(field.column) })
        case .audience(let field, let key, let predicate):
            return AudienceMatcher(reader: index.audience(field.dimension), key: key, predicate: predicate, label: node.label,
                                   cache: postingsCache, sets: bitsets, orders: orders)
        case .risk, .flag, .like, .overlap:
            return try creatorSignal(node)
        }
    }

    /// Resolves `@handle` or an id named in a query to documents, or refuses the query.
    func resolve(_ reference: CreatorReference, span: Range<Int>) throws(QueryError) -> [Int] {
        let documents: [Int]
        switch reference {
        case .id(let id): documents = index.document(withID: id).map { [$0] } ?? []
        case .handle(let handle): documents = index.documents(withHandle: handle)
        }
        guard !documents.isEmpty else {
            throw QueryError(kind: .unknownCreator, message: "no creator \(reference.queryText) in the index",
                             hint: "use an id (tiktok:6812345) or @handle of an indexed creator", span: span, query: queryText)
        }
        return documents
    }

    /// The facet lists of the tiers whose follower ranges some predicate can accept
    /// (`nil` when that is every tier: listing them would be a full scan).
    private func tierLists(spanning predicates: [NumericPredicate]) -> [SortedDocuments]? {
        let tiers = Tier.allCases.filter { tier in
            let range = tier.followerRange
            return predicates.contains { predicate in
                let (lower, upper) = predicate.bounds
                return (upper.map { $0.value >= range.lowerBound } ?? true) && (lower.map { $0.value < range.upperBound } ?? true)
            }
        }
        guard tiers.count < Tier.allCases.count else { return nil }
        return tiers.map { index.facet(.tier).documents(for: $0.rawValue) }
    }

    /// A comma list: the one matcher, or the OR of them.
    func anyOf(_ parts: [DocumentMatcher]) -> DocumentMatcher {
        parts.count == 1 ? parts[0] : OrMatcher(parts, documentCount: index.documentCount)
    }

    private func facet(_ facet: Facet, _ key: String, label: String) -> DocumentMatcher {
        let documents = index.facet(facet).documents(for: key)
        let setKey = "\(facet.rawValue)\u{0}\(key)"
        if let codes = facets.codes(of: facet, key: key) {
            return FacetValueMatcher(documents, codes: codes, label: label, sets: bitsets, setKey: setKey)
        }
        return ListMatcher(documents, label: label, sets: bitsets, setKey: setKey)
    }

    private func keyword(_ field: KeywordField, _ value: String) -> DocumentMatcher {
        let label = "\(field.rawValue) = \(value)"
        switch field {
        case .country: return facet(.country, value, label: label)
        case .lang: return facet(.language, value, label: label)
        case .category: return facet(.category, analyzer.foldKeyword(value), label: label)
        case .hashtag: return facet(.hashtag, analyzer.foldKeyword(value), label: label)
        case .id:
            let documents = index.document(withID: value).map { [UInt32($0)] } ?? []
            return ListMatcher(SortedDocuments(owned: documents), label: label, sets: bitsets)
        case .handle:
            let documents = index.documents(withHandle: value).map(UInt32.init).sorted()
            return ListMatcher(SortedDocuments(owned: documents), label: label, sets: bitsets)
        }
    }

    private func text(_ term: TextTerm) -> DocumentMatcher {
        let count = index.documentCount
        let analysed = analyzer.analyze(term.text)
        var seen = Set<String>()
        let distinct = analysed.filter { seen.insert($0.text).inserted }
        if distinct.isEmpty {
            return EverythingMatcher(documentCount: count, label: "\"\(term.text)\" has no searchable words: no condition")
        }
        // A phrase of one word repeated ("bye bye") is still a phrase: the word twice in a row.
        let isPhrase = term.isPhrase && analysed.count > 1
        var fieldsOfTerm = Dictionary(uniqueKeysWithValues: distinct.map { term in
            (term.text, FieldTerm.lookUp(term.text, in: index, scoring: scoring))
        })
        if isPhrase {
            // A phrase occurs only in a field that holds all its words, so its words (which
            // only list candidates, and do not score) are looked for in those fields alone: a
            // word that is also a hashtag or in names brings no candidate the phrase could match.
            let shared = fieldsOfTerm.values.reduce(into: Set(TextField.allCases)) { $0.formIntersection($1.map(\.field)) }
            fieldsOfTerm = fieldsOfTerm.mapValues { $0.filter { shared.contains($0.field) } }
        }
        var parts: [DocumentMatcher] = []
        for analysedTerm in distinct {
            let fields = fieldsOfTerm[analysedTerm.text] ?? []
            parts.append(TermMatcher(term: analysedTerm.text, fields: fields, cache: postingsCache, bm25: scoring.bm25,
                                     documentCount: count, isScoring: !isPhrase))
        }
        if isPhrase {
            let first = analysed.map(\.position).min() ?? 0
            let positioned = analysed.map { (fields: fieldsOfTerm[$0.text] ?? [], offset: UInt32($0.position - first)) }
            parts.append(PhraseMatcher(text: term.text, terms: positioned, cache: postingsCache, bm25: scoring.bm25,
                                       documentCount: count, evaluation: phrases))
        }
        if parts.count == 1 { return parts[0] }
        return AndMatcher(parts)
    }
}

extension NumericField {
    /// The index column a numeric qualifier reads.
    var column: NumericColumn {
        switch self {
        case .followers: .followers
        case .er: .engagementRate
        case .views: .views
        case .growth: .growth
        case .price: .price
        case .credibility: .credibility
        case .gmv: .gmv
        }
    }
}

extension AudienceField {
    /// The audience distribution a qualifier reads.
    var dimension: AudienceDimension {
        switch self {
        case .country: .countries
        case .lang: .languages
        case .gender: .genders
        case .age: .ages
        case .interest: .interests
        }
    }
}
