/// An ascending list of documents, either read in place from the index mapping or built
/// for one query. Lets postings from the file and computed lists share one code path, and
/// reads through a plain buffer (no reference counting on the hot path).
struct SortedDocuments: @unchecked Sendable {
    // Points into the immutable index mapping (kept alive by the `CreatorIndex` the
    // searcher holds) or into `storage`, which this value keeps alive.
    let buffer: UnsafeBufferPointer<UInt32>
    private let storage: OwnedBuffer<UInt32>?

    /// A view into the index; valid as long as the index is open.
    init(mapped buffer: UnsafeBufferPointer<UInt32>) {
        self.buffer = buffer
        storage = nil
    }

    /// A list built for one query; must be ascending without repeats.
    init(owned documents: [UInt32]) {
        self.init(owned: OwnedBuffer(documents))
    }

    /// A list built for one query in memory of its own; must be ascending without repeats.
    init(owned storage: OwnedBuffer<UInt32>) {
        self.storage = storage
        buffer = storage.buffer
    }

    /// One of `lists`, widened (`ChunkedDocumentLists.Reader.widened`).
    init(decoding list: Int, of lists: ChunkedDocumentLists.Reader) {
        self.init(owned: lists.widened(list))
    }

    /// No documents.
    static let empty = SortedDocuments(mapped: UnsafeBufferPointer(start: nil, count: 0))

    var count: Int { buffer.count }

    var isEmpty: Bool { buffer.isEmpty }

    /// The documents as an array of their own.
    var array: [UInt32] { Array(buffer) }

    /// Whether `document` is in the list (a binary search).
    func contains(_ document: UInt32) -> Bool {
        let position = firstPosition(from: 0, atLeast: document)
        return position < buffer.count && buffer[position] == document
    }

    subscript(position: Int) -> UInt32 { buffer[position] }

    /// The first position at or after `start` whose document is `>= document` (galloping:
    /// cheap when the answer is near `start`, logarithmic when it is far).
    func firstPosition(from start: Int, atLeast document: UInt32) -> Int {
        let count = buffer.count
        guard start < count, buffer[start] < document else { return start }
        var low = start, step = 1
        var high = start + 1
        while high < count, buffer[high] < document {
            low = high
            step <<= 1
            high = low + step
        }
        high = min(high, count)
        // Invariant: buffer[low] < document; the answer is in low+1...high.
        var lower = low + 1
        while lower < high {
            let middle = (lower + high) / 2
            if buffer[middle] < document { lower = middle + 1 } else { high = middle }
        }
        return lower
    }
}

extension SortedDocuments {
    /// The union of ascending lists, each document once, in memory of its own (one list is
    /// returned as it is).
    static func union(_ lists: [SortedDocuments]) -> SortedDocuments {
        guard var merged = lists.first else { return .empty }
        for list in lists.dropFirst() { merged = union(merged.buffer, list.buffer) }
        return merged
    }

    /// The union of two ascending lists, each document once, written straight into memory
    /// that the result owns.
    static func union(_ left: UnsafeBufferPointer<UInt32>, _ right: UnsafeBufferPointer<UInt32>) -> SortedDocuments {
        let memory = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: left.count + right.count)
        var i = 0, j = 0, count = 0
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i] < right[j]) {
                memory[count] = left[i]; i += 1
            } else if i == left.count || right[j] < left[i] {
                memory[count] = right[j]; j += 1
            } else {
                memory[count] = left[i]; i += 1; j += 1
            }
            count += 1
        }
        return SortedDocuments(owned: OwnedBuffer(adopting: UnsafeMutableBufferPointer(rebasing: memory[..<count])))
    }
}
