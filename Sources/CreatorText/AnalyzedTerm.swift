/// One token of analysed text: its folded form and its word position.
///
/// Positions count the text's words from 0. A hashtag or mention token shares the position
/// of the first word of its body (`#fitness` and `fitness` both sit at one position), so a
/// phrase query sees the two as alternatives at the same place.
public struct AnalyzedTerm: Sendable, Equatable, Hashable {
    /// The folded token: what the index stores and what a query term must equal.
    public var text: String
    /// The token's word position in the analysed text, counting from 0.
    public var position: Int

    public init(text: String, position: Int) {
        self.text = text
        self.position = position
    }
}
