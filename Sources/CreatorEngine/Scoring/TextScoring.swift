/// How free text is ranked: BM25 in each text field, weighted by field and summed
/// (a creator's name, handle and hashtags say more about what it is than one caption does).
public struct TextScoring: Sendable, Hashable {
    public var bm25 = BM25()
    /// Name and handle: the identity a brand searches for. Hashtags: chosen labels.
    /// Bio: self-description. Captions: many, noisy, but they show what is actually posted.
    public var weights: [TextField: Double] = [
        .name: 2.0, .handle: 2.0, .hashtags: 1.5, .bio: 1.2, .captions: 1.0,
    ]

    public init() {}

    public func weight(of field: TextField) -> Double { weights[field] ?? 1 }
}
