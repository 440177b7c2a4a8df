import Foundation

/// How one query's long passes over the index (a `like:` scan of every vector, a phrase's
/// occurrences among hundreds of thousands of postings) use the cores: one thread per core,
/// at most four, and only when each thread gets enough work that starting it (tens of
/// microseconds) is small beside its share. A split pass gives the same result as one thread
/// (each part's results joined in order); on a busy server the parts wait for free threads,
/// so a query's latency falls when cores are idle and its cost stays the same.
///
/// `CREATORS_QUERY_THREADS=1` in the environment keeps every query on its caller's thread
/// (for measuring one thread's latency, as the benchmark asks); a larger number
/// lowers the ceiling of four.
enum QueryThreads {
    /// The most threads one pass uses in this process, read once.
    static let limit = limit(environment: ProcessInfo.processInfo.environment["CREATORS_QUERY_THREADS"],
                             cores: ProcessInfo.processInfo.activeProcessorCount)

    /// One thread per core, at most four, or fewer when `environment` (the variable's value)
    /// is a positive number below that; a value that is no positive number is ignored.
    static func limit(environment: String?, cores: Int) -> Int {
        let ceiling = min(4, max(1, cores))
        guard let requested = environment.flatMap({ Int($0) }), requested > 0 else { return ceiling }
        return min(ceiling, requested)
    }

    /// Threads for a pass over `items`, when a thread should get at least `minimumPerThread`.
    static func parts(items: Int, minimumPerThread: Int) -> Int {
        max(1, min(limit, items / max(1, minimumPerThread)))
    }

    /// `body(part)` for each of `parts` parts, on as many threads (the caller's among them),
    /// the results in part order; one part runs on the calling thread alone.
    static func map<Value>(parts: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        guard parts > 1 else { return [body(0)] }
        let slots = PartSlots<Value>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { slots.set($0, body($0)) }
        return slots.values
    }
}

/// One slot per part of a split pass, each written once by its part's thread.
// @unchecked: each slot is written by one thread only, and all are read after
// `concurrentPerform` has returned, which orders those writes before the reads.
private final class PartSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ part: Int, _ value: Value) { slots[part] = value }

    /// Every slot's value, in part order (each slot has been set).
    var values: [Value] { slots.compactMap { $0 } }
}
