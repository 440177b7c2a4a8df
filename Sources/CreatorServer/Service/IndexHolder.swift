import CreatorEngine
import Synchronization

/// The index every command reads, swapped atomically by RELOAD.
///
/// `current` hands out the serving index under a short lock; the caller keeps its reference
/// for the whole command, so a query in flight finishes on the generation it started on
/// while new commands already see the next one. The old generation is released (and its
/// file unmapped) when the last query holding it ends.
public final class IndexHolder: Sendable {
    public let directory: IndexDirectory
    public let queryTimeLimit: Duration
    public let documentCacheBytes: Int
    private let serving: Mutex<ServingIndex>
    /// Held for a whole reload, so two RELOADs open the new file one after the other.
    private let reloading = Mutex(())

    /// Serves `index` (already opened from `directory`, e.g. after building the sample).
    public init(directory: IndexDirectory, index: CreatorIndex, queryTimeLimit: Duration, documentCacheBytes: Int = 0) {
        self.directory = directory
        self.queryTimeLimit = queryTimeLimit
        self.documentCacheBytes = documentCacheBytes
        serving = Mutex(ServingIndex(index: index, generation: 1, queryTimeLimit: queryTimeLimit,
                                     documentCacheBytes: documentCacheBytes))
    }

    /// Opens the current index of `directory`.
    public convenience init(directory: IndexDirectory, queryTimeLimit: Duration, documentCacheBytes: Int = 0) throws {
        self.init(directory: directory, index: try CreatorIndex(directory: directory), queryTimeLimit: queryTimeLimit,
                  documentCacheBytes: documentCacheBytes)
    }

    public var current: ServingIndex { serving.withLock { $0 } }

    /// What a reload did.
    public struct ReloadOutcome: Sendable {
        public let serving: ServingIndex
        /// False when the newest completed index is the one already served.
        public let swapped: Bool
    }

    /// Opens the newest completed index of the folder (the one `CURRENT` names) and swaps it
    /// in. A missing or unreadable index throws and leaves the current one serving.
    public func reload() throws -> ReloadOutcome {
        try reloading.withLock { _ in
            let old = current
            let path = try directory.currentIndexPath()
            if path == old.path { return ReloadOutcome(serving: old, swapped: false) }
            let opened = ServingIndex(index: try CreatorIndex(path: path), generation: old.generation + 1,
                                      queryTimeLimit: queryTimeLimit, documentCacheBytes: documentCacheBytes)
            serving.withLock { $0 = opened }
            return ReloadOutcome(serving: opened, swapped: true)
        }
    }
}
