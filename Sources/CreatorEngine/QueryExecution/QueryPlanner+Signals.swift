/// Qualifiers answered from per-creator signals computed at build time: risk level and
/// flags (`Risk/`), lookalike vectors and audience-overlap sketches (`Similarity/`).
extension QueryPlanner {
    func creatorSignal(_ node: QueryNode) throws(QueryError) -> DocumentMatcher {
        throw QueryError(kind: .notIndexed, message: "'\(node.label)' needs signals this index does not hold yet",
                         hint: "rebuild the index with a newer `creators build`", span: node.span, query: queryText)
    }
}
