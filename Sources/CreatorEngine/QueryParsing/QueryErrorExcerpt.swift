/// The query line and caret line of a `QueryError` rendering.
///
/// Control characters and line breaks in the query are shown as single spaces so the
/// rendering stays three lines. A query wider than `maxCells` display cells is shown as
/// a window around the span, with `…` marking the cut ends, so a 4,000-character query
/// gives a readable error.
struct QueryErrorExcerpt {
    static let maxCells = 100
    static let contextCells = 30

    var line: String
    var carets: String

    init(query: String, span: Range<Int>) {
        let characters = query.map(Self.displayed)
        let lower = min(max(span.lowerBound, 0), characters.count)
        let upper = min(max(span.upperBound, lower), characters.count)

        var start = 0
        var end = characters.count
        if DisplayWidth.cells(of: characters) > Self.maxCells {
            // Back up from the span by about `contextCells`, then extend to the budget.
            var cells = 0
            start = lower
            while start > 0, cells + DisplayWidth.cells(of: characters[start - 1]) <= Self.contextCells {
                start -= 1
                cells += DisplayWidth.cells(of: characters[start])
            }
            end = start
            cells = 0
            while end < characters.count, cells + DisplayWidth.cells(of: characters[end]) <= Self.maxCells {
                cells += DisplayWidth.cells(of: characters[end])
                end += 1
            }
        }
        let leadingEllipsis = start > 0 ? "…" : ""
        let trailingEllipsis = end < characters.count ? "…" : ""
        line = leadingEllipsis + String(characters[start..<end]) + trailingEllipsis

        let caretStart = min(max(lower, start), end)
        let caretEnd = min(max(upper, caretStart), end)
        let offset = leadingEllipsis.count + DisplayWidth.cells(of: characters[start..<caretStart])
        let width = max(1, DisplayWidth.cells(of: characters[caretStart..<caretEnd]))
        carets = String(repeating: " ", count: offset) + String(repeating: "^", count: width)
    }

    private static func displayed(_ character: Character) -> Character {
        if character == " " { return character }
        if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
            return " "
        }
        return character
    }
}
