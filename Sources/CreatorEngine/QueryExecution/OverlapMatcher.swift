/// `overlap:@x<=15%` — the estimated share of the creator's audience that also follows
/// `x` (from the MinHash sketches) passes the predicate. Creators without an audience
/// sample, and `x` itself, never match. Shares and thresholds compare in `Float`, the
/// precision of the scan.
final class OverlapMatcher: DocumentMatcher {
    private let estimator: OverlapEstimator
    private let reference: Int
    private let predicate: NumericPredicate
    private let description: String
    private let documentCount: Int

    init(estimator: OverlapEstimator, reference: Int, predicate: NumericPredicate, label: String, documentCount: Int) {
        self.estimator = estimator
        self.reference = reference
        let predicate = predicate.atFloatPrecision
        self.predicate = predicate
        description = label
        self.documentCount = documentCount
        super.init(estimate: Self.sampledEstimate(documentCount) { document in
            document != reference && estimator.share(of: document, sharedWith: reference).map { predicate.matches(Double(Float($0))) } == true
        })
    }

    /// A scan of every sketch with the estimator's kernel.
    override var iterationCost: Int { documentCount / 8 }

    override func makeIterator() -> DocumentIterator {
        var shares = [Float](repeating: .nan, count: documentCount)
        estimator.shares(sharedWith: reference, into: &shares)
        var documents: [UInt32] = []
        for document in 0..<documentCount where document != reference && !shares[document].isNaN
            && predicate.matches(Double(shares[document])) {
            documents.append(UInt32(document))
        }
        return BufferIterator(SortedDocuments(owned: documents))
    }

    override func matches(_ document: UInt32) -> Bool {
        Int(document) != reference
            && estimator.share(of: Int(document), sharedWith: reference).map { predicate.matches(Double(Float($0))) } == true
    }

    override var label: String { "\(description)  (≈ \(estimate) docs)" }
}
