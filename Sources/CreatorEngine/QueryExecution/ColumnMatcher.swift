/// A numeric qualifier (`followers:10k..200k`, `er:>=3%`): any of its predicates holds
/// for the document's value. Unknown values (`nan`) satisfy no predicate.
final class ColumnMatcher: DocumentMatcher {
    private let values: ColumnValues
    /// The predicates as inclusive-or-not bounds, read without reference counting.
    private let bounds: OwnedBuffer<ValueBounds>
    /// The column's value order, for sets of matches (`nil` until the searcher has made it).
    private let order: () -> ValueOrder?
    private let description: String
    /// Lists whose union holds every match (the follower tiers a `followers:` range
    /// touches), so the matches can be listed without scanning every creator.
    private let superset: [SortedDocuments]?

    init(values: ColumnValues, predicates: [NumericPredicate], label: String,
         superset: [SortedDocuments]? = nil, order: @escaping () -> ValueOrder?) {
        self.values = values
        self.order = order
        let bounds = OwnedBuffer(predicates.map(ValueBounds.init))
        self.bounds = bounds
        description = label
        self.superset = superset
        super.init(estimate: Self.sampledEstimate(values.count) { document in
            let value = values[document]
            return bounds.buffer.contains { $0.contains(value) }
        })
    }

    /// The tiers' lists when they hold under half the index; otherwise a scan of the column
    /// (a tight loop over one array, far cheaper than checking every document through the plan).
    private var listsSuperset: Bool {
        guard let superset else { return false }
        return superset.reduce(0) { $0 + $1.count } * 2 < values.count
    }

    override var iterationCost: Int {
        listsSuperset ? (superset ?? []).reduce(0) { $0 + $1.count } : values.count
    }

    override func makeIterator() -> DocumentIterator {
        guard listsSuperset, let superset else { return ColumnScanIterator(values: values, bounds: bounds) }
        let lists = superset.map { BufferIterator($0) }
        return FilteredIterator(driver: lists.count == 1 ? lists[0] : UnionIterator(lists), checks: [self])
    }

    override func matches(_ document: UInt32) -> Bool {
        let value = values[Int(document)]
        guard !value.isNaN else { return false }
        for index in 0..<bounds.buffer.count where bounds.buffer[index].contains(value) { return true }
        return false
    }

    override var canMakeSet: Bool { true }

    /// The union of the slices of the value order the predicates select, or, before the
    /// order is made, one pass over the column (64 documents a word).
    override func documentSet() -> DocumentSet? {
        guard let order = self.order() else { return scannedSet() }
        var result: DocumentSet?
        for range in bounds.buffer {
            let set = order.documents(in: order.positions(passing: range))
            if result == nil { result = set } else { result?.formUnion(set) }
        }
        return result ?? DocumentSet(documentCount: values.count)
    }

    private func scannedSet() -> DocumentSet {
        let ranges = bounds.buffer
        let words = values.matchingWords { value in ranges.contains { $0.contains(value) } }
        return words.withUnsafeBufferPointer { DocumentSet(documentCount: values.count, words: $0) }
    }

    override var label: String {
        "\(description)  (≈ \(estimate) docs, " + (listsSuperset ? "listed from the tiers it spans)" : "column scanned or checked per doc)")
    }
}

/// The documents whose value passes any of the bounds, by one pass over the column.
private final class ColumnScanIterator: DocumentIterator {
    private let values: ColumnValues
    private let bounds: OwnedBuffer<ValueBounds>
    @exclusivity(unchecked) private var position = 0

    init(values: ColumnValues, bounds: OwnedBuffer<ValueBounds>) {
        self.values = values
        self.bounds = bounds
    }

    override func next() -> UInt32? {
        // Locals, so the loop keeps its state in registers.
        let ranges = bounds.buffer, values = self.values
        var position = self.position
        defer { self.position = position }
        if ranges.count == 1 {
            let range = ranges[0]
            while position < values.count {
                position += 1
                // NaN fails every comparison, so unknown values never pass.
                if range.contains(values[position - 1]) { return UInt32(position - 1) }
            }
            return nil
        }
        while position < values.count {
            let value = values[position]
            position += 1
            for index in 0..<ranges.count where ranges[index].contains(value) { return UInt32(position - 1) }
        }
        return nil
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
