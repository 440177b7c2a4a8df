/// The hard bounds a query must stay within, so that parsing (and later planning) is
/// bounded in time and memory whatever text arrives from a user or the network.
///
/// Every bound has its own error (`QueryError.Kind`), so a refused query says which bound
/// it crossed. The defaults suit interactive search; a server may lower them.
public struct QueryLimits: Sendable, Hashable {
    /// Longest accepted query, in characters (grapheme clusters, as columns are counted).
    public var maxLength: Int
    /// Most leaf clauses (free-text terms and qualifiers; `sort:`/`limit:`/`offset:` excluded).
    public var maxClauses: Int
    /// Deepest nesting of parentheses and negations (`-`, `NOT`) together.
    public var maxDepth: Int
    /// Most values in one comma list (`country:US,CA,…`).
    public var maxListLength: Int
    /// Page size when the query gives no `limit:`.
    public var defaultLimit: Int
    /// Largest accepted `limit:`.
    public var maxLimit: Int
    /// Largest accepted `offset:` (keeps paging arithmetic far from overflow).
    public var maxOffset: Int

    public init(
        maxLength: Int = 4_096,
        maxClauses: Int = 256,
        maxDepth: Int = 32,
        maxListLength: Int = 256,
        defaultLimit: Int = 20,
        maxLimit: Int = 1_000,
        maxOffset: Int = 1_000_000
    ) {
        self.maxLength = maxLength
        self.maxClauses = maxClauses
        self.maxDepth = maxDepth
        self.maxListLength = maxListLength
        self.defaultLimit = defaultLimit
        self.maxLimit = maxLimit
        self.maxOffset = maxOffset
    }

    /// The documented defaults: 4,096 characters, 256 clauses, depth 32, lists of 256,
    /// `limit:` 20 by default and at most 1,000, `offset:` at most 1,000,000.
    public static let `default` = QueryLimits()
}
