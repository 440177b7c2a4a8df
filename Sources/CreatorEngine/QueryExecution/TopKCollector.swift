/// Keeps the best `capacity` documents seen, by a sort key (larger is better; ties go to
/// the lower document, so results are deterministic). A binary min-heap of the kept
/// entries: each offer is O(1) when it cannot enter, O(log k) when it does.
struct TopKCollector {
    struct Entry {
        var key: Double
        var document: UInt32

        /// Whether `self` ranks below `other`.
        func isWorse(than other: Entry) -> Bool {
            key < other.key || (key == other.key && document > other.document)
        }
    }

    let capacity: Int
    private var heap: [Entry] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(min(self.capacity, 4096))
    }

    mutating func offer(key: Double, document: UInt32) {
        let entry = Entry(key: key, document: document)
        if heap.count < capacity {
            heap.append(entry)
            siftUp(heap.count - 1)
        } else if let worst = heap.first, worst.isWorse(than: entry) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// The key a new entry must beat (or equal with a lower document) to be kept; nil until
    /// `capacity` entries are kept. Scans use it to skip candidates without offering them.
    var threshold: Double? { heap.count == capacity ? heap.first?.key : nil }

    /// The kept entries, best first.
    func sorted() -> [Entry] { heap.sorted { $1.isWorse(than: $0) } }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].isWorse(than: heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count, heap[left].isWorse(than: heap[worst]) { worst = left }
            if right < heap.count, heap[right].isWorse(than: heap[worst]) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
