/// The order of results: by relevance score (the default), or by a numeric field.
public struct SortOrder: Sendable, Hashable {
    public enum Key: Sendable, Hashable {
        /// Relevance; always best first.
        case score
        case field(NumericField)
    }

    public var key: Key
    /// Largest first. `sort:-er` is descending, `sort:er` ascending; `sort:score` and
    /// `sort:-score` both mean best first (an ascending relevance order has no use).
    public var descending: Bool

    public init(key: Key, descending: Bool) {
        self.key = key
        self.descending = key == .score ? true : descending
    }

    /// Best first by score.
    public static let score = SortOrder(key: .score, descending: true)

    /// The `sort:` value that gives this order (`score`, `-er`, `followers`).
    public var queryValue: String {
        switch key {
        case .score: QueryVocabulary.scoreSortKey
        case .field(let field): (descending ? "-" : "") + field.rawValue
        }
    }
}
