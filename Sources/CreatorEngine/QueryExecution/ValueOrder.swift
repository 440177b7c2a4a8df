/// Documents sorted by a value (a numeric column, the quality score, an audience key's
/// shares), with checkpoint sets along the order: the sort order Lucene's points and
/// tantivy's fast-field range queries get from their own structures.
///
/// It answers two questions without looking at every creator:
/// - *which documents have a value in a range*: a range is a slice of the order, and a
///   slice becomes a `DocumentSet` from the two nearest checkpoints plus at most half a
///   checkpoint interval of single documents (`documents(in:)`);
/// - *which documents come first in value order*: a walk from either end (`walk`), which
///   sorted top-k pages stop early.
///
/// Known values are sorted ascending, ties by ascending document; documents without a
/// value (`nan`) follow them, ascending. Built once per searcher and column or key, on
/// first use (`ValueOrders`).
struct ValueOrder: @unchecked Sendable {
    // Owned buffers, immutable after init.
    /// Known values, ascending.
    let values: OwnedBuffer<Double>
    /// Documents in value order: `values.count` known ones, then the unknown ones.
    let documents: OwnedBuffer<UInt32>
    let documentCount: Int
    /// `checkpoints[i]` holds the first `i * stride` documents of the order.
    private let checkpoints: [DocumentSet]
    private let stride: Int

    /// Orders `documents` (each once, ascending) by `value(at:)` of their position, `nan` = unknown.
    /// Checkpoints are spaced so that a slice costs about two set copies plus as many
    /// single documents as a set has words, and at most `maximumCheckpoints` are kept
    /// (4 MB at 1M creators).
    init(documentCount: Int, documents: some Collection<UInt32>, value: (Int) -> Double, maximumCheckpoints: Int = 32) {
        self.documentCount = documentCount
        var known: [(value: Double, document: UInt32)] = [], unknown: [UInt32] = []
        known.reserveCapacity(documents.count)
        for (position, document) in documents.enumerated() {
            let value = value(position)
            if value.isNaN { unknown.append(document) } else { known.append((value, document)) }
        }
        // Documents come ascending, so a stable sort by value leaves ties by document.
        known = Self.sortedStably(known)
        values = OwnedBuffer(known.map(\.value))
        self.documents = OwnedBuffer(known.map(\.document) + unknown.sorted())
        let count = known.count
        stride = max(1, documentCount / 64, (count + maximumCheckpoints - 1) / maximumCheckpoints)
        var checkpoints: [DocumentSet] = []
        // Without a slice longer than `stride`, single documents are always cheaper.
        if count > stride {
            var running = DocumentSet(documentCount: documentCount)
            checkpoints.append(running)
            var start = 0
            while start + stride <= count {
                let ordered = self.documents.buffer
                running.insert(start..<start + stride) { ordered[$0] }
                checkpoints.append(running)
                start += stride
            }
        }
        self.checkpoints = checkpoints
    }

    /// Every document in `0..<documentCount`, by a per-document value.
    init(documentCount: Int, value: (Int) -> Double) {
        self.init(documentCount: documentCount, documents: 0..<UInt32(documentCount), value: value)
    }

    /// Sorts by value, keeping the input order among equal values. Large inputs go through
    /// an LSD radix sort on order-preserving 64-bit keys, 16 bits a pass (about ten times
    /// faster than comparison sorting a million pairs); small ones through `sort`.
    private static func sortedStably(_ pairs: [(value: Double, document: UInt32)]) -> [(value: Double, document: UInt32)] {
        guard pairs.count > 1 << 16 else {
            return pairs.enumerated()
                .sorted { ($0.element.value, $0.offset) < ($1.element.value, $1.offset) }
                .map(\.element)
        }
        // IEEE order as unsigned integers: flip negatives entirely, set the sign bit of the
        // others; -0 is made +0 first, since the two compare equal.
        var keys = pairs.map { pair -> UInt64 in
            let bits = (pair.value + 0.0).bitPattern
            return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        }
        var positions = (0..<UInt32(pairs.count)).map { $0 }
        var nextKeys = keys, nextPositions = positions
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in Swift.stride(from: 0, to: 64, by: 16) {
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int(truncatingIfNeeded: key >> UInt64(shift)) & 0xFFFF] += 1 }
            // A digit every key shares moves nothing.
            if counts.contains(pairs.count) { continue }
            var start = 0
            for digit in counts.indices { (counts[digit], start) = (start, start + counts[digit]) }
            for index in keys.indices {
                let digit = Int(truncatingIfNeeded: keys[index] >> UInt64(shift)) & 0xFFFF
                nextKeys[counts[digit]] = keys[index]
                nextPositions[counts[digit]] = positions[index]
                counts[digit] += 1
            }
            swap(&keys, &nextKeys)
            swap(&positions, &nextPositions)
        }
        return positions.map { pairs[Int($0)] }
    }

    /// How many documents have a known value.
    var knownCount: Int { values.buffer.count }

    /// The slice of the order whose values pass `bounds`.
    func positions(passing bounds: ValueBounds) -> Range<Int> {
        let lower = firstPosition { bounds.lowerInclusive ? $0 >= bounds.lower : $0 > bounds.lower }
        let upper = firstPosition { bounds.upperInclusive ? $0 > bounds.upper : $0 >= bounds.upper }
        return lower..<max(lower, upper)
    }

    /// The documents of a slice of the known part, as a set.
    func documents(in slice: Range<Int>) -> DocumentSet {
        let ordered = documents.buffer
        guard !slice.isEmpty else { return DocumentSet(documentCount: documentCount) }
        // A short slice, or no checkpoints: its documents one by one.
        if checkpoints.isEmpty || slice.count <= stride {
            var set = DocumentSet(documentCount: documentCount)
            set.insert(slice) { ordered[$0] }
            return set
        }
        var set = prefix(slice.upperBound)
        if slice.lowerBound > 0 { set.subtract(prefix(slice.lowerBound)) }
        return set
    }

    /// The first `length` documents of the order.
    private func prefix(_ length: Int) -> DocumentSet {
        let ordered = documents.buffer
        let below = min(length / stride, checkpoints.count - 1)
        let above = below + 1
        // From the nearer checkpoint: add the documents after the one below, or remove
        // those past `length` from the one above.
        if above < checkpoints.count, above * stride - length < length - below * stride {
            var set = checkpoints[above]
            set.remove(length..<above * stride) { ordered[$0] }
            return set
        }
        var set = checkpoints[below]
        set.insert(below * stride..<length) { ordered[$0] }
        return set
    }

    /// The first position whose value satisfies `test` (monotone: false, then true).
    private func firstPosition(_ test: (Double) -> Bool) -> Int {
        let values = self.values.buffer
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if test(values[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Calls `body` with documents best first until it returns false: by value descending
    /// or ascending, ties by ascending document, then the documents without a value,
    /// ascending (the order `TopKCollector` gives the same keys).
    func walk(descending: Bool, _ body: (UInt32) -> Bool) {
        let values = self.values.buffer, ordered = documents.buffer
        let known = values.count
        if descending {
            // Runs of equal values are walked forwards, so ties still go to the lower document.
            var end = known
            while end > 0 {
                var start = end - 1
                while start > 0, values[start - 1] == values[end - 1] { start -= 1 }
                for position in start..<end where !body(ordered[position]) { return }
                end = start
            }
        } else {
            for position in 0..<known where !body(ordered[position]) { return }
        }
        for position in known..<ordered.count where !body(ordered[position]) { return }
    }
}

/// A range of values with inclusive or exclusive ends; `nan` is in no range.
struct ValueBounds: Hashable, Sendable {
    var lower = -Double.infinity, upper = Double.infinity
    var lowerInclusive = true, upperInclusive = true

    init(_ predicate: NumericPredicate) {
        let (lower, upper) = predicate.bounds
        if let lower { (self.lower, lowerInclusive) = (lower.value, lower.inclusive) }
        if let upper { (self.upper, upperInclusive) = (upper.value, upper.inclusive) }
    }

    @inline(__always) func contains(_ value: Double) -> Bool {
        (lowerInclusive ? value >= lower : value > lower) && (upperInclusive ? value <= upper : value < upper)
    }
}
