/// The estimated union of several creators' follower samples: the element-wise minimum of
/// their MinHash sketches (a sketch of the union, exactly as if the union had been sketched)
/// and the union's estimated size.
///
/// The share of a creator A's sample already in the union U is estimated exactly like
/// `OverlapEstimator.share`: the sketches' Jaccard estimate J(A, U), turned into containment
/// with the two sizes, |A ∩ U| / |A| = J (|A| + |U|) / ((1 + J) |A|). Adding A then grows the
/// union by the part of A not in it: |U ∪ A| = |U| + |A| (1 − containment). For a union of
/// one creator B this is `OverlapEstimator.share(of: A, sharedWith: B)` exactly, so a set of
/// two agrees with the pairwise matrix.
///
/// A small sample inside a large union has few buckets of its own, so the union estimate
/// alone is noisy there; `bounded` narrows it with the pairwise estimates, which are
/// sharper: the share in the union is at least the largest share with one member and at
/// most the sum of the shares with each member (measured in `AudienceOverlapSetTests`).
///
/// Used by `AudienceOverlapSet` (unique shares and unique reach) and by the brief matcher's
/// greedy selection (the share of a candidate's audience not yet reached).
public struct AudienceUnion: Sendable {
    /// The union's sketch; `AudienceSketch.empty` where no member's sample fell in the bucket.
    public private(set) var buckets: [UInt16]
    /// Estimated number of distinct sample ids in the union.
    public private(set) var sampleSize: Double = 0

    public init() { buckets = [UInt16](repeating: AudienceSketch.empty, count: AudienceSketch.bucketCount) }

    public var isEmpty: Bool { sampleSize == 0 }

    /// Estimated share of `document`'s sample that is already in the union: nil when the
    /// creator has no sample, 0 when the union is empty.
    public func containment(of document: Int, in overlap: OverlapEstimator) -> Double? {
        guard let size = Self.sampleSize(of: document, in: overlap) else { return nil }
        guard !isEmpty else { return 0 }
        let sketch = overlap.sketch(of: document)
        var matches = 0, informative = 0
        for bucket in 0..<AudienceSketch.bucketCount {
            let mine = sketch[bucket], theirs = buckets[bucket]
            if mine == AudienceSketch.empty && theirs == AudienceSketch.empty { continue }
            informative += 1
            if mine == theirs { matches += 1 }
        }
        guard informative > 0 else { return 0 }
        return AudienceSketch.containment(jaccard: Double(matches) / Double(informative), sizeA: size, sizeB: sampleSize)
    }

    /// `estimate` kept between the bounds the pairwise shares give: at least the largest,
    /// at most their sum (and 1).
    public static func bounded(_ estimate: Double, pairShares: some Sequence<Double>) -> Double {
        var largest = 0.0, sum = 0.0, any = false
        for share in pairShares {
            largest = max(largest, share)
            sum += share
            any = true
        }
        return any ? bounded(estimate, largestPairShare: largest, pairShareSum: sum) : estimate
    }

    /// `bounded` from the largest pair share and the sum of the pair shares.
    public static func bounded(_ estimate: Double, largestPairShare: Double, pairShareSum: Double) -> Double {
        min(max(estimate, largestPairShare), min(1, pairShareSum))
    }

    /// Adds the creator's sample to the union; a creator without a sample changes nothing.
    public mutating func add(_ document: Int, in overlap: OverlapEstimator) {
        guard let size = Self.sampleSize(of: document, in: overlap), let contained = containment(of: document, in: overlap) else { return }
        sampleSize += size * (1 - contained)
        let sketch = overlap.sketch(of: document)
        for bucket in 0..<AudienceSketch.bucketCount where sketch[bucket] < buckets[bucket] { buckets[bucket] = sketch[bucket] }
    }

    /// The sample size of a creator with a usable sample, nil otherwise.
    static func sampleSize(of document: Int, in overlap: OverlapEstimator) -> Double? {
        let size = overlap.sampleSizes[document]
        guard overlap.hasSample(document), !size.isNaN, size > 0 else { return nil }
        return size
    }
}
