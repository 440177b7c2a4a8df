/// A lexical unit of a query, with its character span.
struct QueryToken: Hashable {
    enum Kind: Hashable {
        /// A free-text word (any characters but whitespace, parentheses and `"`).
        case word(String)
        /// A `"phrase"`, escapes resolved.
        case phrase(String)
        /// `name:value` with a known name; the value's characters are at `valueSpan`
        /// (never empty) and are parsed by the qualifier's kind.
        case qualifier(QueryQualifier, valueSpan: Range<Int>)
        case openParenthesis
        case closeParenthesis
        /// The word `OR` (upper-case only).
        case or
        /// The word `NOT` (upper-case only).
        case not
        /// A `-` directly in front of what it excludes.
        case minus
    }

    var kind: Kind
    var span: Range<Int>
}
