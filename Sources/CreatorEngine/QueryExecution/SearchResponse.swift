/// The answer to one query: how many creators match in all, and one page of them, best first.
public struct SearchResponse: Sendable {
    /// Every matching creator, not only this page.
    public var total: Int
    public var tookMilliseconds: Double
    public var hits: [SearchHit]
}

/// One creator on a result page.
public struct SearchHit: Sendable, Hashable {
    public var document: Int
    /// The relevance score (see `SearchScore`); reported also when sorting by a field.
    public var score: Double
    /// What the score is made of.
    public var parts: [ScorePart]
}

/// One contribution to a hit's score, for `--explain`.
public struct ScorePart: Sendable, Hashable {
    public var kind: ScoreKind
    /// E.g. `text "serum"`, `like @glowwithmei`, `quality: engagement vs peers`.
    public var label: String
    public var value: Double
}
