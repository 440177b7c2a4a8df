/// A fixed-size summary of a creator's follower sample from which the overlap between
/// two audiences is estimated in well under a microsecond.
///
/// One-permutation MinHash: each sample id is hashed once; the hash's low bits choose one
/// of `bucketCount` buckets and the bucket keeps the smallest remaining 16 bits it sees.
/// For two sketches, among the buckets that are not empty in both, the share that hold the
/// same value estimates the Jaccard similarity of the two samples (standard error about
/// `sqrt(J(1-J)/64)`, ±0.06 at J = 0.5). 16-bit values collide by chance with probability
/// 1/65,535, which is negligible at this precision. 128 bytes a creator.
public struct AudienceSketch: Sendable, Equatable {
    public static let bucketCount = 64
    /// A bucket that saw no sample id.
    public static let empty: UInt16 = .max

    public var buckets: [UInt16]

    public init(buckets: [UInt16]) {
        precondition(buckets.count == Self.bucketCount)
        self.buckets = buckets
    }

    /// Sketches a sample of hashed follower ids (see `Audience.sample`).
    public init(sample: [UInt64]) {
        var buckets = [UInt16](repeating: Self.empty, count: Self.bucketCount)
        for id in sample {
            let hash = Self.mix(id)
            let bucket = Int(hash & UInt64(Self.bucketCount - 1))
            let value = min(UInt16(truncatingIfNeeded: hash >> 48), Self.empty - 1)
            if value < buckets[bucket] { buckets[bucket] = value }
        }
        self.buckets = buckets
    }

    public var isEmpty: Bool { buckets.allSatisfy { $0 == Self.empty } }

    /// Whether a sketch's buckets come from a sample: some bucket is not empty.
    static func holdsSample(_ buckets: ArraySlice<UInt16>) -> Bool {
        buckets.contains { $0 != Self.empty }
    }

    /// Estimated Jaccard similarity of the two samples, `nil` when either is empty.
    public static func jaccard(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Double? {
        var matches = 0
        var informative = 0
        for index in 0..<min(a.count, b.count) {
            let x = a[index], y = b[index]
            if x == Self.empty && y == Self.empty { continue }
            informative += 1
            if x == y { matches += 1 }
        }
        guard informative > 0, a.contains(where: { $0 != empty }), b.contains(where: { $0 != empty }) else { return nil }
        return Double(matches) / Double(informative)
    }

    public func jaccard(with other: AudienceSketch) -> Double? {
        buckets.withUnsafeBufferPointer { a in other.buckets.withUnsafeBufferPointer { b in Self.jaccard(a, b) } }
    }

    /// Estimated share of audience A's sample that is also in audience B's sample, from the
    /// Jaccard similarity and the two sample sizes: |A∩B| = J(|A|+|B|)/(1+J).
    public static func containment(jaccard: Double, sizeA: Double, sizeB: Double) -> Double {
        guard sizeA > 0 else { return 0 }
        let intersection = jaccard * (sizeA + sizeB) / (1 + jaccard)
        return min(1, intersection / sizeA)
    }

    /// splitmix64's finaliser, with a fixed salt so sketches do not depend on how ingest hashed ids.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
