/// A numeric qualifier (`followers:10k..200k`, `er:>=3%`): any of its predicates holds
/// for the document's value. Unknown values (`nan`) satisfy no predicate.
final class ColumnMatcher: DocumentMatcher {
    private let values: UnsafeBufferPointer<Double>
    private let predicates: [NumericPredicate]
    private let description: String
    /// Lists whose union holds every match (the follower tiers a `followers:` range
    /// touches), so the matches can be listed without scanning every creator.
    private let superset: [SortedDocuments]?

    init(values: UnsafeBufferPointer<Double>, predicates: [NumericPredicate], label: String, superset: [SortedDocuments]? = nil) {
        self.values = values
        self.predicates = predicates
        description = label
        self.superset = superset
        super.init(estimate: Self.sampledEstimate(values.count) { document in
            let value = values[document]
            return !value.isNaN && predicates.contains { $0.matches(value) }
        })
    }

    override var iterationCost: Int {
        superset.map { $0.reduce(0) { $0 + $1.count } } ?? .max
    }

    override func makeIterator() -> DocumentIterator {
        guard let superset else { return EmptyIterator() }
        let lists = superset.map { BufferIterator($0) }
        return FilteredIterator(driver: lists.count == 1 ? lists[0] : UnionIterator(lists), checks: [self])
    }

    override func matches(_ document: UInt32) -> Bool {
        let value = values[Int(document)]
        guard !value.isNaN else { return false }
        for predicate in predicates where predicate.matches(value) { return true }
        return false
    }

    override var label: String {
        "\(description)  (≈ \(estimate) docs, " + (superset == nil ? "checked per doc)" : "listed from the tiers it spans)")
    }
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
