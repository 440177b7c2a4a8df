import CSimilarity

/// What each of the 64 dimensions of a lookalike vector holds, and how much each block weighs.
///
/// A creator's vector is the concatenation of six blocks, each a unit vector (or absent when
/// its data is unknown) multiplied by the square root of its weight; the whole is then
/// L2-normalised and quantised to int8 (`LookalikeQuantizer`). The cosine of two vectors is
/// therefore the weight-averaged cosine of their blocks (over the blocks both have):
///
/// | block | dims | weight | from |
/// |---|---|---|---|
/// | content | 0..<24 | 0.32 | bio, hashtags, captions: sublinear tf × idf, signed feature hashing |
/// | topic | 24..<40 | 0.26 | categories (taxonomy slugs, free tags) and audience interests |
/// | market | 40..<58 | 0.18 | the creator's country and languages, the audience's countries and languages |
/// | gender | 58..<60 | 0.06 | audience female share, as an angle |
/// | age | 60..<62 | 0.08 | audience age buckets, as a mean angle |
/// | scale | 62..<64 | 0.10 | log10 followers, as an angle |
///
/// 64 int8 dimensions are one cache line a creator, so a full scan of 1M creators reads
/// 64 MB, about 3 ms on this machine, against 14 ms for 64 float32 dimensions.
public enum LookalikeLayout {
    public static let dimensions = Int(CSIM_DIMENSIONS)

    /// The blocks, in dimension order.
    public enum Block: String, CaseIterable, Sendable {
        case content, topic, market, gender, age, scale

        public var dimensions: Range<Int> {
            switch self {
            case .content: 0..<24
            case .topic: 24..<40
            case .market: 40..<58
            case .gender: 58..<60
            case .age: 60..<62
            case .scale: 62..<64
            }
        }

        /// The block's share of the squared norm when every block is present (they sum to 1).
        public var weight: Double {
            switch self {
            case .content: 0.32
            case .topic: 0.26
            case .market: 0.18
            case .gender: 0.06
            case .age: 0.08
            case .scale: 0.10
            }
        }
    }

    /// Dimensions filled on worker threads, from the profile alone (every block but content,
    /// which needs the corpus's document frequencies and is added when the index is written).
    public static let profileDimensions = Block.topic.dimensions.lowerBound..<dimensions
}
