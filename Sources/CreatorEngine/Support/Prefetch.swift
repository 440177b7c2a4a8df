import CSimilarity

extension UnsafeBufferPointer {
    /// Starts reading the cache line of element `index` into the caches, without waiting
    /// for it (see `RankingBatch`). Out-of-range indexes are harmless: a prefetch never
    /// faults.
    @inline(__always) func prefetch(_ index: Int) {
        if let base = baseAddress { csim_prefetch(base + index) }
    }
}
