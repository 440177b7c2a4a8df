/// Why a query was refused: one problem, where it is, and what to write instead.
///
/// `description` is the three-line rendering shown to users:
/// ```
/// error at column 17: unknown qualifier 'contry' (did you mean 'country'?)
///   category:beauty contry:US
///                   ^^^^^^
/// ```
/// Columns count characters (grapheme clusters), 1-based, so `护肤` is two columns; the
/// caret line is aligned in display cells, where East Asian wide characters take two.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of problem, for callers that react to it (tests, the server's error codes).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unknownQualifier
        case badValue
        case badNumber
        case badRange
        case missingValue
        case unterminatedPhrase
        case emptyPhrase
        case unbalancedParentheses
        case emptyParentheses
        case danglingOperator
        case misplacedDirective
        case duplicateDirective
        case badLimit
        case badOffset
        case unknownSortField
        case queryTooLong
        case tooManyClauses
        case nestedTooDeeply
        case listTooLong
        /// `like:`/`overlap:` name a creator the index does not hold (found when executing).
        case unknownCreator
        /// The query needs data this index was built without.
        case notIndexed
        /// The query ran longer than the searcher's time limit.
        case timeLimit
    }

    /// Kinds found only when a query runs against an index (the parser never raises them).
    public static let executionKinds: Set<Kind> = [.unknownCreator, .notIndexed, .timeLimit]

    public var kind: Kind
    /// The problem in one sentence, with a "did you mean" suggestion when there is one.
    public var message: String
    /// Extra guidance (valid values, the form to write), shown after the rendering.
    public var hint: String?
    /// The offending characters, as character offsets into `query` (never empty).
    public var span: Range<Int>
    /// The query as given.
    public var query: String

    public init(kind: Kind, message: String, hint: String? = nil, span: Range<Int>, query: String) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.span = span
        self.query = query
    }

    /// 1-based column of the first offending character.
    public var column: Int { span.lowerBound + 1 }

    /// Message line, the query indented by two spaces, and carets under the span.
    public var description: String {
        let excerpt = QueryErrorExcerpt(query: query, span: span)
        return "error at column \(column): \(message)\n  \(excerpt.line)\n  \(excerpt.carets)"
    }

    /// `description` followed by a `  hint: …` line when there is a hint.
    public var detailedDescription: String {
        guard let hint else { return description }
        return description + "\n  hint: " + hint
    }
}
