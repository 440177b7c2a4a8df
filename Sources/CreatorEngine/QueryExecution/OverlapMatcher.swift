/// `overlap:@x<=15%` — the estimated share of the creator's audience that also follows
/// `x` (from the MinHash sketches) passes the predicate. Creators without an audience
/// sample, and `x` itself, never match. Shares and thresholds compare in `Float`.
///
/// Every creator's share is computed once per query (`OverlapEstimator.shares`, which reads
/// only the reference's sketch postings), so checking a creator is one array read.
final class OverlapMatcher: DocumentMatcher {
    private let predicate: NumericPredicate
    private let description: String
    private let shares: OwnedBuffer<Float>

    init(estimator: OverlapEstimator, reference: Int, predicate: NumericPredicate, label: String, documentCount: Int,
         cache: PostingsCache) {
        let predicate = predicate.atFloatPrecision
        self.predicate = predicate
        description = label
        shares = cache.perDocument("overlap\u{0}\(reference)") {
            var shares: [Float] = []  // sized and filled by the scan
            estimator.shares(sharedWith: reference, into: &shares)
            shares[reference] = .nan
            return shares
        }
        super.init(estimate: Self.sampledEstimate(documentCount) { [shares] document in
            let share = shares.buffer[document]
            return !share.isNaN && predicate.matches(Double(share))
        })
    }

    /// The scan is done (once per query); listing then costs a pass and the matches.
    override var iterationCost: Int { shares.buffer.count / 8 + estimate }

    override func makeIterator() -> DocumentIterator {
        var documents: [UInt32] = []
        for document in 0..<shares.buffer.count where matches(UInt32(document)) { documents.append(UInt32(document)) }
        return BufferIterator(SortedDocuments(owned: documents))
    }

    override func matches(_ document: UInt32) -> Bool {
        let share = shares.buffer[Int(document)]
        return !share.isNaN && predicate.matches(Double(share))
    }

    override var canMakeSet: Bool { true }

    override func documentSet() -> DocumentSet? {
        var set = DocumentSet(documentCount: shares.buffer.count)
        for document in 0..<shares.buffer.count where matches(UInt32(document)) { set.insert(UInt32(document)) }
        return set
    }

    override var label: String { "\(description)  (≈ \(estimate) docs)" }
}
