/// An ascending list of documents, either read in place from the index mapping or owned
/// (built for this query). Lets postings from the file and computed lists share one code path.
struct SortedDocuments: @unchecked Sendable {
    // `buffer` views the immutable index mapping, kept alive by the `CreatorIndex` the
    // searcher holds; unused (empty) when the list is `owned`.
    private let buffer: UnsafeBufferPointer<UInt32>
    private let owned: [UInt32]?

    /// A view into the index; valid as long as the index is open.
    init(mapped buffer: UnsafeBufferPointer<UInt32>) {
        self.buffer = buffer
        owned = nil
    }

    /// A list built for one query; must be ascending without repeats.
    init(owned documents: [UInt32]) {
        owned = documents
        buffer = UnsafeBufferPointer(start: nil, count: 0)
    }

    var count: Int { owned?.count ?? buffer.count }

    subscript(position: Int) -> UInt32 {
        if let owned { return owned[position] }
        return buffer[position]
    }

    /// The first position at or after `start` whose document is `>= document` (galloping:
    /// cheap when the answer is near `start`, logarithmic when it is far).
    func firstPosition(from start: Int, atLeast document: UInt32) -> Int {
        let count = self.count
        guard start < count, self[start] < document else { return start }
        var low = start, step = 1
        var high = start + 1
        while high < count, self[high] < document {
            low = high
            step <<= 1
            high = low + step
        }
        high = min(high, count)
        // Invariant: self[low] < document; the answer is in low+1...high.
        var lower = low + 1
        while lower < high {
            let middle = (lower + high) / 2
            if self[middle] < document { lower = middle + 1 } else { high = middle }
        }
        return lower
    }
}
