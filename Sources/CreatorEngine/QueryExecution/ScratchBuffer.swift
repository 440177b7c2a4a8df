/// A growable buffer of plain values for per-document loops that refill it millions of
/// times a query (a phrase's positions): emptying it is setting a count, and appending
/// checks capacity only, without the uniqueness checks and generic paths of `Array`.
///
/// Unsafe by design and fenced: the owner calls `deallocate()` exactly once (in its
/// `deinit`), never copies the value, and reads only indices below `count`.
struct ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    mutating func removeAll() { count = 0 }

    /// Keeps the first `newCount` elements (at most `count`).
    mutating func shrink(to newCount: Int) { count = min(count, max(0, newCount)) }

    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count += 1
    }

    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    func deallocate() { base.deallocate() }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
