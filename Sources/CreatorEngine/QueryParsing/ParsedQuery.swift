/// A query after parsing: the condition tree and the page settings.
public struct ParsedQuery: Sendable, Hashable {
    /// The condition; `nil` when the query has no clauses (empty, blank, or only
    /// `sort:`/`limit:`/`offset:`), which means every creator.
    public var root: QueryNode?
    public var sort: SortOrder
    /// Page size, 1…`QueryLimits.maxLimit` (default `QueryLimits.defaultLimit`).
    public var limit: Int
    /// Results to skip, 0…`QueryLimits.maxOffset`.
    public var offset: Int

    public init(root: QueryNode?, sort: SortOrder = .score, limit: Int = QueryLimits.default.defaultLimit, offset: Int = 0) {
        self.root = root
        self.sort = sort
        self.limit = limit
        self.offset = offset
    }
}
