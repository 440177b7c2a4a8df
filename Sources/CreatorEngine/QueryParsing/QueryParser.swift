/// Parses query text into a `ParsedQuery`, or refuses it with one `QueryError`.
///
/// ```
/// query      := or_expr, with sort:/limit:/offset: anywhere at the top level, once each
/// or_expr    := and_expr ("OR" and_expr)*
/// and_expr   := unary+                       juxtaposition is AND
/// unary      := ("-" | "NOT") unary | primary
/// primary    := "(" or_expr ")" | phrase | qualifier | word
/// ```
/// Decisions (beyond the grammar):
/// - An empty or blank query, or one with only `sort:`/`limit:`/`offset:`, is valid and
///   means every creator (`root == nil`); an empty result is a result, not an error.
/// - `sort:`/`limit:`/`offset:` inside parentheses or after `-`/`NOT` are refused: they
///   set the whole query, so they cannot be grouped or negated.
/// - Parsing is bounded by `QueryLimits`: the length is checked before any other work,
///   nesting before each recursion, so no input can exhaust the stack or run long.
/// - See `QueryLexer` for words, `-`, URLs and unknown names, and `QualifierValueParser`
///   for values, numbers and shares.
public struct QueryParser: Sendable {
    public var limits: QueryLimits

    public init(limits: QueryLimits = .default) {
        self.limits = limits
    }

    public func parse(_ text: String) throws(QueryError) -> ParsedQuery {
        var length = 0
        for _ in text {
            length += 1
            if length > limits.maxLength {
                throw QueryError(
                    kind: .queryTooLong, message: "query too long (more than \(limits.maxLength) characters)",
                    hint: "shorten the query; long lists of values are usually better as a category or a range",
                    span: limits.maxLength..<limits.maxLength + 1, query: text)
            }
        }
        let characters = Array(text)
        let tokens = try QueryLexer(characters: characters, query: text).tokens()
        var grammar = QueryGrammar(
            tokens: tokens, values: QualifierValueParser(characters: characters, query: text, limits: limits),
            limits: limits)
        return try grammar.parseQuery()
    }
}
