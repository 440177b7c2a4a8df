/// Keeps the `limit` best (document, score) pairs seen, best first when read: higher score
/// first, lower document first among equal scores. A binary min-heap on (score, −document),
/// so offering a pair costs one comparison unless it beats the worst kept.
struct BestScores {
    let limit: Int
    private var heap: [(document: Int, score: Float)] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        heap.reserveCapacity(min(self.limit, 1 << 16))
    }

    /// Whether `a` ranks below `b`.
    private static func worse(_ a: (document: Int, score: Float), _ b: (document: Int, score: Float)) -> Bool {
        a.score < b.score || (a.score == b.score && a.document > b.document)
    }

    /// The score a new pair must beat (or equal with a lower document) to be kept, once full.
    var threshold: Float? { heap.count == limit ? heap.first?.score : nil }

    mutating func offer(document: Int, score: Float) {
        guard limit > 0 else { return }
        let candidate = (document: document, score: score)
        if heap.count < limit {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if Self.worse(heap[0], candidate) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept pairs, best first.
    func sorted() -> [(document: Int, score: Float)] {
        heap.sorted { Self.worse($1, $0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, Self.worse(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Self.worse(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
