/// Splits a query into tokens.
///
/// Decisions:
/// - Whitespace, `(`, `)` and `"` end a word; everything else (any script, emoji, `-`
///   inside a word, `#`, `@`) belongs to it.
/// - `OR` and `NOT` are operators only in upper case; `or`/`not` are words.
/// - `-` at the start of a token negates what follows it directly; a `-` followed by
///   whitespace or the end is refused (in `skin - care` a silent "not care" would surprise).
/// - A word with a `:` whose prefix looks like a name (an ASCII letter, then ASCII letters,
///   digits, `.`, `_`, `-`) is a qualifier: a known name gives a qualifier token (the value
///   is everything after the first `:`, so `id:tiktok:6812345` works); an unknown name is
///   an error with a suggestion, except `scheme://…` (a URL), which is free text. A prefix
///   that does not look like a name (`10:30`, `:)`, `护肤:好`) leaves the word free text.
/// - A qualifier must have its value attached: `country:` and `country: US` are refused.
struct QueryLexer {
    let characters: [Character]
    let query: String

    func tokens() throws(QueryError) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "(" {
                tokens.append(QueryToken(kind: .openParenthesis, span: index..<index + 1))
                index += 1
            } else if character == ")" {
                tokens.append(QueryToken(kind: .closeParenthesis, span: index..<index + 1))
                index += 1
            } else if character == "\"" {
                let token = try phrase(from: index)
                tokens.append(token)
                index = token.span.upperBound
            } else if character == "-" {
                if index + 1 == characters.count || characters[index + 1].isWhitespace {
                    throw QueryError(
                        kind: .danglingOperator, message: "'-' has nothing directly after it to exclude",
                        hint: "attach '-' to what it excludes, e.g. -flag:bought_followers or -word",
                        span: index..<index + 1, query: query)
                }
                tokens.append(QueryToken(kind: .minus, span: index..<index + 1))
                index += 1
            } else {
                let token = try word(from: index)
                tokens.append(token)
                index = token.span.upperBound
            }
        }
        return tokens
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        !(character.isWhitespace || character == "(" || character == ")" || character == "\"")
    }

    private func phrase(from start: Int) throws(QueryError) -> QueryToken {
        var text = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == "\\" {
                text.append(characters[index + 1])
                index += 2
            } else if character == "\"" {
                let span = start..<index + 1
                guard text.contains(where: { !$0.isWhitespace }) else {
                    throw QueryError(
                        kind: .emptyPhrase, message: "empty phrase",
                        hint: "put the words to match between the quotes, or remove them",
                        span: span, query: query)
                }
                return QueryToken(kind: .phrase(text), span: span)
            } else {
                text.append(character)
                index += 1
            }
        }
        throw QueryError(
            kind: .unterminatedPhrase, message: "unterminated phrase: this '\"' is never closed",
            hint: "end the phrase with '\"'; inside a phrase write \\\" for a quote and \\\\ for a backslash",
            span: start..<start + 1, query: query)
    }

    private func word(from start: Int) throws(QueryError) -> QueryToken {
        var end = start
        while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
        let span = start..<end
        let text = String(characters[span])
        if text == "OR" { return QueryToken(kind: .or, span: span) }
        if text == "NOT" { return QueryToken(kind: .not, span: span) }

        guard let colon = characters[span].firstIndex(of: ":"), Self.looksLikeName(characters[start..<colon]) else {
            return QueryToken(kind: .word(text), span: span)
        }
        let name = String(characters[start..<colon])
        let valueSpan = colon + 1..<end
        if let qualifier = QueryQualifier(name: name) {
            guard !valueSpan.isEmpty else {
                var hint = "write the value right after the colon, e.g. \(qualifier.example)"
                if end < characters.count, characters[end] == "\"" {
                    hint += "; qualifier values are not quoted"
                }
                throw QueryError(
                    kind: .missingValue, message: "missing value for '\(qualifier.rawValue):'",
                    hint: hint, span: span, query: query)
            }
            return QueryToken(kind: .qualifier(qualifier, valueSpan: valueSpan), span: span)
        }
        if characters[valueSpan].starts(with: ["/", "/"]) {
            return QueryToken(kind: .word(text), span: span) // a URL: scheme://…
        }
        var message = "unknown qualifier '\(name)'"
        if let suggestion = NameSuggestion.nearest(to: name, among: QueryQualifier.allCases.map(\.rawValue)) {
            message += " (did you mean '\(suggestion)'?)"
        }
        throw QueryError(
            kind: .unknownQualifier, message: message,
            hint: "to search for the text itself, quote it: \"\(text)\"",
            span: start..<colon, query: query)
    }

    /// An ASCII letter followed by ASCII letters, digits, `.`, `_` or `-`.
    private static func looksLikeName(_ characters: ArraySlice<Character>) -> Bool {
        guard let first = characters.first, first.isASCII, first.isLetter else { return false }
        return characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
    }
}
