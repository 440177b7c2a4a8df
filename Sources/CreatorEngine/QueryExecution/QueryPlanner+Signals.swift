/// Qualifiers answered from per-creator signals computed at build time: risk level and
/// flags (`Risk/`), lookalike vectors and audience-overlap sketches (`Similarity/`).
extension QueryPlanner {
    func creatorSignal(_ node: QueryNode) throws(QueryError) -> DocumentMatcher {
        switch node.kind {
        case .risk(let levels):
            return anyOf(levels.map { level in
                ListMatcher(index.risk.documents(at: level), label: "risk = \(level.rawValue)",
                            sets: bitsets, setKey: "risk\u{0}\(level.rawValue)")
            })
        case .flag(let names):
            return anyOf(names.map { name in
                let documents = RiskFlag(rawValue: name).map { index.risk.documents(flagged: $0) }
                return ListMatcher(documents ?? .empty, label: "flag = \(name)",
                                   sets: bitsets, setKey: "flag\u{0}\(name)")
            })
        case .like(let references):
            var documents: [Int] = []
            for reference in references { documents += try resolve(reference, span: node.span) }
            return LikeMatcher(vectors: index.lookalike, references: documents, label: node.label, cache: postingsCache)
        case .overlap(let reference, let predicate):
            let documents = try resolve(reference, span: node.span)
            return OverlapMatcher(estimator: index.overlap, reference: documents[0], predicate: predicate,
                                  label: node.label, cache: postingsCache)
        default:
            throw QueryError(kind: .notIndexed, message: "'\(node.label)' is not a creator signal", span: node.span, query: queryText)
        }
    }
}
