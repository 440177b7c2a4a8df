/// A numeric qualifier (`followers:10k..200k`, `er:>=3%`): any of its predicates holds
/// for the document's value. Unknown values (`nan`) satisfy no predicate.
final class ColumnMatcher: DocumentMatcher {
    private let values: UnsafeBufferPointer<Double>
    private let predicates: [NumericPredicate]
    private let description: String

    init(values: UnsafeBufferPointer<Double>, predicates: [NumericPredicate], label: String) {
        self.values = values
        self.predicates = predicates
        description = label
        super.init(estimate: Self.sampledEstimate(values.count) { document in
            let value = values[document]
            return !value.isNaN && predicates.contains { $0.matches(value) }
        })
    }

    override func matches(_ document: UInt32) -> Bool {
        let value = values[Int(document)]
        guard !value.isNaN else { return false }
        for predicate in predicates where predicate.matches(value) { return true }
        return false
    }

    override var label: String { "\(description)  (≈ \(estimate) docs, checked per doc)" }
}

extension DocumentMatcher {
    /// Estimates how many of `count` documents pass `test` from an evenly spaced sample of
    /// at most 512, so that planning stays far cheaper than the query.
    static func sampledEstimate(_ count: Int, _ test: (Int) -> Bool) -> Int {
        guard count > 0 else { return 0 }
        let samples = min(count, 512)
        var passed = 0
        for index in 0..<samples where test(index * count / samples) { passed += 1 }
        // Never estimate zero from a sample: a rare match must not look free to skip.
        return max(passed * count / samples, passed > 0 ? 1 : min(count, count / samples + 1))
    }
}
