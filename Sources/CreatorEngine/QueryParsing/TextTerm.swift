/// Free text of a query, kept raw: the engine analyses it with the same ICU pipeline as
/// the indexed text (folding, segmentation), which is not the parser's job.
public struct TextTerm: Sendable, Hashable {
    /// A word as typed, or a phrase's content with its `\"` and `\\` escapes resolved.
    public var text: String
    /// Written in double quotes: its words must appear together, in order.
    public var isPhrase: Bool

    public init(text: String, isPhrase: Bool) {
        self.text = text
        self.isPhrase = isPhrase
    }
}
