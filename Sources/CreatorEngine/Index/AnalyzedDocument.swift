/// One accepted profile after analysis, ready to be added to an index. Produced on worker
/// threads (analysis is the costly part of a build), consumed in dump order by `IndexBuilder`.
public struct AnalyzedDocument: Sendable {
    public var profile: CreatorProfile
    /// One entry per `TextField`, in `TextField.allCases` order.
    public var fields: [FieldTerms]
    /// Hashtag keys (profile and captions), folded, without `#`, unique.
    public var hashtags: [String]
    /// Category keys, folded, unique.
    public var categories: [String]
    public var sketch: AudienceSketch?
    /// The display JSON (`StoredProfile`).
    public var stored: [UInt8]

    public init(profile: CreatorProfile, fields: [FieldTerms], hashtags: [String], categories: [String],
                sketch: AudienceSketch?, stored: [UInt8]) {
        self.profile = profile
        self.fields = fields
        self.hashtags = hashtags
        self.categories = categories
        self.sketch = sketch
        self.stored = stored
    }
}

/// The distinct terms of one text field of one document, with the positions of each.
public struct FieldTerms: Sendable, Equatable {
    public var terms: [String] = []
    /// `positions[i]` are the ascending positions of `terms[i]`.
    public var positions: [[UInt32]] = []
    /// Number of tokens in the field (the BM25 length).
    public var length: UInt32 = 0

    public init() {}

    /// Groups a token stream by term, keeping first-occurrence order.
    public init(tokens: [(text: String, position: UInt32)]) {
        var slots: [String: Int] = [:]
        slots.reserveCapacity(tokens.count)
        for token in tokens {
            if let slot = slots[token.text] {
                positions[slot].append(token.position)
            } else {
                slots[token.text] = terms.count
                terms.append(token.text)
                positions.append([token.position])
            }
        }
        length = UInt32(tokens.count)
    }
}
