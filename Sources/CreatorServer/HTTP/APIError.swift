import CreatorEngine

/// The JSON body of every refused API request:
/// `{"error": {"code": "ERR", "message": "…", "query_error": {…}}}`.
///
/// `message` is the text the command line prints (for a query, its three-line rendering with
/// the caret line). A query the parser refuses, or one naming an unknown creator, also
/// carries `query_error`: `{"kind", "column" (1-based), "span": {"start", "end"}` (character
/// offsets, end excluded, as the command line counts columns), `"detail"` (the message
/// alone) and `"hint"`}, so the console can mark the offending characters.
struct APIError: Sendable {
    var code: String
    var message: String
    var queryError: QueryErrorLocation?

    init(code: String, message: String, queryError: QueryErrorLocation? = nil) {
        self.code = code
        self.message = message
        self.queryError = queryError
    }

    var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.field("code", code)
        writer.field("message", message)
        if let queryError {
            writer.key("query_error")
            writer.beginObject()
            writer.field("kind", queryError.kind)
            writer.field("column", Int64(queryError.span.lowerBound + 1))
            writer.key("span")
            writer.beginObject()
            writer.field("start", Int64(queryError.span.lowerBound))
            writer.field("end", Int64(queryError.span.upperBound))
            writer.endObject()
            writer.field("detail", queryError.detail)
            writer.field("hint", queryError.hint)
            writer.endObject()
        }
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }
}

/// Where a query went wrong, for the console to mark it.
struct QueryErrorLocation: Sendable, Equatable {
    var kind: String?
    /// Character (grapheme cluster) offsets into the query, end excluded; never empty.
    var span: Range<Int>
    /// The problem in one sentence (the first line of the rendering, without the column).
    var detail: String
    var hint: String?

    /// The location of the error a query gives: the parser's own error when it refuses the
    /// query (exact span), else read from the service's message (errors found while running,
    /// such as an unknown creator in `like:`), else nil.
    static func of(query: String, message: String) -> QueryErrorLocation? {
        do {
            _ = try QueryParser().parse(query)
        } catch {
            return QueryErrorLocation(kind: error.kind.rawValue, span: error.span, detail: error.message, hint: error.hint)
        }
        return fromRendering(message)
    }

    /// Reads `error at column N: detail`, the caret line under the query, and `hint: …`.
    static func fromRendering(_ message: String) -> QueryErrorLocation? {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("error at column ") else { return nil }
        let rest = first.dropFirst("error at column ".count)
        guard let colon = rest.firstIndex(of: ":"), let column = Int(rest[..<colon]), column >= 1 else { return nil }
        let detail = rest[rest.index(after: colon)...].drop(while: { $0 == " " })
        let carets = lines.dropFirst(2).first.map { $0.filter { $0 == "^" }.count } ?? 1
        let hint = lines.first { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("hint: ") }
            .map { String($0.trimmingPrefix(while: { $0 == " " }).dropFirst("hint: ".count)) }
        return QueryErrorLocation(kind: nil, span: (column - 1)..<(column - 1 + max(1, carets)), detail: String(detail), hint: hint)
    }
}
