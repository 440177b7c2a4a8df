import Synchronization

/// The `ValueOrder`s of a searcher: one per numeric column (ranges and `sort:` on it), one
/// for the quality score (the default order of filter-only queries), and one per audience
/// key that a share was compared on (`aud.country:US>=30%`). Each is kept for the
/// searcher's life once made.
///
/// At 1M creators an order takes about 20 MB and a tenth of a second or more to sort. A
/// query should not wait for that, so by default a missing order is made on a background
/// task, and the query that asked answers without it (a pass over the column or the key's
/// postings, a heap for the page): a one-shot `creators search` never pays for orders it
/// would use once, and a server has them after its first few queries. `making` chooses.
///
/// Audience keys are many, so at most `audienceCapacity` of their orders are kept.
public final class ValueOrders: Sendable {
    /// When a missing order is made.
    public enum Making: Sendable {
        /// On a background task; queries answer without it until it is ready (a server).
        case inBackground
        /// At once, by the query that first needs it (tests: every path is exercised).
        case immediately
        /// Only by `Searcher.prepareValueOrders()` (one query per process: the CLI).
        case onRequest
    }

    enum Key: Hashable, Sendable {
        case column(NumericColumn)
        case quality
        case audience(AudienceDimension, String)
    }

    private struct State {
        var made: [Key: ValueOrder] = [:]
        var pending: Set<Key> = []
        var audienceOrders = 0
    }

    private let state: Mutex<State> = Mutex(State())
    /// The index the orders are of. A background task holds `self`, so the index's mapping
    /// (which the orders' closures read) outlives the task even if the searcher is dropped.
    private let index: CreatorIndex
    private let making: Making
    private let audienceCapacity: Int

    init(index: CreatorIndex, making: Making, audienceCapacity: Int = 48) {
        self.index = index
        self.making = making
        self.audienceCapacity = audienceCapacity
    }

    /// The order under `key` if it is ready. If not, it is made (at once when synchronous,
    /// else on a background task, and `nil` is answered meanwhile).
    func order(_ key: Key, make: @escaping @Sendable () -> ValueOrder) -> ValueOrder? {
        guard making != .onRequest else { return state.withLock { $0.made[key] } }
        return order(key, synchronously: making == .immediately, make: make)
    }

    /// Makes the orders every filter-only query may use (each column's and the quality
    /// score's), on the calling thread, and returns when they are ready.
    func prepareAll(quality: QualityScore) {
        for column in NumericColumn.allCases { _ = order(.column(column), synchronously: true) { [index] in Self.order(of: column, in: index) } }
        _ = order(.quality, synchronously: true) { [index] in Self.order(of: quality, documentCount: index.documentCount) }
    }

    /// The order of a numeric column, if ready.
    func column(_ column: NumericColumn) -> ValueOrder? {
        order(.column(column)) { [index] in Self.order(of: column, in: index) }
    }

    /// The order of the quality score, if ready.
    func quality(_ quality: QualityScore) -> ValueOrder? {
        order(.quality) { [index] in Self.order(of: quality, documentCount: index.documentCount) }
    }

    private static func order(of column: NumericColumn, in index: CreatorIndex) -> ValueOrder {
        let values = index.column(column)
        return ValueOrder(documentCount: values.count) { values[$0] }
    }

    private static func order(of quality: QualityScore, documentCount: Int) -> ValueOrder {
        ValueOrder(documentCount: documentCount) { quality.score(of: $0) }
    }

    private func order(_ key: Key, synchronously: Bool, make: @escaping @Sendable () -> ValueOrder) -> ValueOrder? {
        let shouldMake: Bool = state.withLock { state in
            if state.made[key] != nil || state.pending.contains(key) { return false }
            if case .audience = key {
                guard state.audienceOrders < audienceCapacity else { return false }
                state.audienceOrders += 1
            }
            state.pending.insert(key)
            return true
        }
        if shouldMake {
            if synchronously {
                store(make(), under: key)
            } else {
                Task.detached(priority: .utility) { [self] in store(make(), under: key) }
            }
        }
        return state.withLock { $0.made[key] }
    }

    private func store(_ order: ValueOrder, under key: Key) {
        state.withLock { state in
            state.made[key] = order
            state.pending.remove(key)
        }
    }
}
