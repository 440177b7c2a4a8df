/// Deterministic random numbers for the tests (SplitMix64): the same seed gives the same
/// corpora, queries and briefs on every run.
struct SplitMixRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &self)] }

    /// A non-empty subset, in the order of `values`, without repeats.
    mutating func subset<T>(_ values: [T], max: Int = 3) -> [T] {
        let count = Int.random(in: 1...min(max, values.count), using: &self)
        let chosen = Set(values.indices.shuffled(using: &self).prefix(count))
        return values.indices.filter(chosen.contains).map { values[$0] }
    }
}
