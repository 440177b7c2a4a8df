/// What `--explain` and the server's `EXPLAIN` show: the parse tree, the plan and the
/// response, whose hits carry their score parts.
public struct SearchExplanation: Sendable {
    public var query: ParsedQuery
    /// The matcher tree, one line each; `▶` marks the conditions whose documents are listed.
    public var plan: String
    public var response: SearchResponse
}
