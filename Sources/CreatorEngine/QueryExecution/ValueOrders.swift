import Synchronization

/// The `ValueOrder`s a searcher has needed so far, each built on first use and kept for
/// the searcher's life: one per numeric column (ranges and `sort:` on it), one for the
/// quality score (the default order of filter-only queries), and one per audience key
/// that a share was compared on (`aud.country:US>=30%`).
///
/// At 1M creators a column's order takes about 20 MB and a fraction of a second to build
/// once. Audience keys are many, so at most `audienceCapacity` of their orders are kept;
/// past that, `audience` answers `nil` and the caller reads the key's postings instead.
final class ValueOrders: Sendable {
    enum Key: Hashable, Sendable {
        case column(NumericColumn)
        case quality
        case audience(AudienceDimension, String)
    }

    private let made: Mutex<[Key: ValueOrder]> = Mutex([:])
    private let audienceKept = Atomic<Int>(0)
    private let audienceCapacity: Int

    init(audienceCapacity: Int = 48) {
        self.audienceCapacity = audienceCapacity
    }

    /// The order under `key`, made by `make` on first use (two searches that both miss
    /// may both make it; the first one kept wins).
    func order(_ key: Key, make: () -> ValueOrder) -> ValueOrder {
        if let known = made.withLock({ $0[key] }) { return known }
        let order = make()
        return made.withLock { cache in
            if let known = cache[key] { return known }
            cache[key] = order
            return order
        }
    }

    /// The order of a numeric column.
    func column(_ column: NumericColumn, values: UnsafeBufferPointer<Double>) -> ValueOrder {
        order(.column(column)) { ValueOrder(documentCount: values.count) { values[$0] } }
    }

    /// The order of an audience key's shares, or `nil` once the cache holds its quota of them.
    func audience(_ dimension: AudienceDimension, _ key: String, make: () -> ValueOrder) -> ValueOrder? {
        let cacheKey = Key.audience(dimension, key)
        if let known = made.withLock({ $0[cacheKey] }) { return known }
        guard audienceKept.wrappingAdd(1, ordering: .relaxed).oldValue < audienceCapacity else { return nil }
        return order(cacheKey, make: make)
    }
}
