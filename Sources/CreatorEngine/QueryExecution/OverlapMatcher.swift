/// `overlap:@x<=15%` — the estimated share of the creator's audience that also follows
/// `x` (from the MinHash sketches) passes the predicate. Creators without an audience
/// sample, and `x` itself, never match. Shares and thresholds compare in `Float`.
///
/// Only the creators whose sketch shares a bucket value with `x`'s have a share above 0
/// (`OverlapEstimator.touchedShares`, read once per query from `x`'s sketch postings), so
/// the matches are either those of them whose share passes, or, when 0 passes, every
/// creator with a sample except those whose share fails: exact counts from a short list
/// and the index's bitset of sampled creators.
final class OverlapMatcher: DocumentMatcher {
    private let predicate: NumericPredicate
    private let description: String
    private let estimator: OverlapEstimator
    private let reference: Int
    /// The touched creators, ascending, and their shares (empty when `x` has no sample).
    private let touched: SortedDocuments
    private let touchedShares: OwnedBuffer<Float>
    private let referenceHasSample: Bool
    private let acceptsZero: Bool
    @exclusivity(unchecked) private var cursor = 0

    init(estimator: OverlapEstimator, reference: Int, predicate: NumericPredicate, label: String, cache: PostingsCache) {
        let predicate = predicate.atFloatPrecision
        self.predicate = predicate
        description = label
        self.estimator = estimator
        self.reference = reference
        let found = cache.touchedShares("overlap\u{0}\(reference)") { estimator.touchedShares(sharedWith: reference) }
        referenceHasSample = found != nil
        touched = found?.documents ?? SortedDocuments(owned: [])
        touchedShares = found?.shares ?? OwnedBuffer([])
        acceptsZero = predicate.matches(0)
        var passingTouched = 0
        for position in 0..<touchedShares.buffer.count where predicate.matches(Double(touchedShares.buffer[position])) {
            passingTouched += 1
        }
        let estimate: Int
        if !referenceHasSample {
            estimate = 0
        } else if acceptsZero {
            // Every sampled creator but `x` and the touched ones whose share fails.
            estimate = estimator.sampledCount - 1 - (touched.count - passingTouched)
        } else {
            estimate = passingTouched
        }
        super.init(estimate: max(0, estimate))
    }

    override var iterationCost: Int { estimator.documentCount / 64 + estimate }

    override func makeIterator() -> DocumentIterator {
        guard let set = documentSet() else { return EmptyIterator() }
        return SetIterator(set)
    }

    override func matches(_ document: UInt32) -> Bool {
        guard referenceHasSample, Int(document) != reference, estimator.hasSample(Int(document)) else { return false }
        cursor = touched.firstPosition(from: cursor, atLeast: document)
        let share = cursor < touched.count && touched[cursor] == document ? touchedShares.buffer[cursor] : 0
        return predicate.matches(Double(share))
    }

    override var canMakeSet: Bool { true }

    override func documentSet() -> DocumentSet? {
        let count = estimator.documentCount
        guard referenceHasSample else { return DocumentSet(documentCount: count) }
        var set = acceptsZero ? DocumentSet(documentCount: count, words: estimator.sampled.words) : DocumentSet(documentCount: count)
        if acceptsZero { set.remove(UInt32(reference)) }
        for position in 0..<touched.count where predicate.matches(Double(touchedShares.buffer[position])) != acceptsZero {
            if acceptsZero { set.remove(touched[position]) } else { set.insert(touched[position]) }
        }
        return set
    }

    override var label: String { "\(description)  (\(estimate) docs)" }
}

extension NumericPredicate {
    /// The predicate with its numbers rounded to `Float`, to compare values stored as `Float`.
    var atFloatPrecision: NumericPredicate {
        func rounded(_ value: Double?) -> Double? { value.map { Double(Float($0)) } }
        switch self {
        case .range(let lower, let upper): return .range(lower: rounded(lower), upper: rounded(upper))
        case .comparison(let comparison, let value): return .comparison(comparison, Double(Float(value)))
        }
    }
}
