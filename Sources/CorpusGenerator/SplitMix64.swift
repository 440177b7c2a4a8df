/// The generator's random number source: splitmix64 (Steele, Lea and Flood, 2014).
///
/// Every creator draws from its own generators, seeded from the corpus seed, the creator's
/// index and a `RandomStream` purpose, so a creator's content depends on nothing but
/// `(seed, index)`: not on the thread that makes it, the chunk it falls in, or how many
/// creators come before it. Separate streams per purpose keep one option from disturbing
/// unrelated content (a different `--fraud-rate` changes only the creators it touches).
///
/// The helpers here (`unit`, `below`, `normal`, ...) are our own and fixed, rather than the
/// standard library's `random(in:using:)`, whose algorithm is not promised to stay the same
/// across Swift releases: the corpus must not change when the compiler does.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(state: UInt64) {
        self.state = state
    }

    /// A generator for one purpose of one item of a corpus.
    init(seed: UInt64, index: UInt64, stream: RandomStream) {
        let purpose = SplitMix64.finalise(stream.rawValue &* 0xD1B5_4A32_D192_ED03)
        state = SplitMix64.finalise(seed ^ SplitMix64.finalise(index &+ purpose))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalise(state)
    }

    /// splitmix64's output function: a bijection on 64-bit words with good avalanche.
    @inline(__always)
    static func finalise(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What a generator is for; part of its seed (see `SplitMix64.init(seed:index:stream:)`).
enum RandomStream: UInt64, Sendable {
    /// Language, country, platform and primary niche: shared by audience twins.
    case core = 1
    case identity
    case statistics
    case posts
    case history
    case audience
    case sample
    case commercial
    case fraud
    /// Which extra lines (duplicates, malformed lines) a group of lines holds.
    case plan
    case malformed
    case duplicate
    case extras
    /// Whether a pair of creators are audience twins.
    case twins
}
