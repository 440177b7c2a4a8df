import Foundation

/// How many threads one query's long passes over the index use (a `like:` scan of every
/// vector, a phrase's occurrences among hundreds of thousands of postings): one per core, at
/// most four, and only when each thread gets enough work that starting it (tens of
/// microseconds) is small beside its share. A pass split this way gives the same result as
/// one thread (each part's results joined in order); on a busy server the parts wait for
/// free threads, so a query's latency falls when cores are idle and its cost stays the same.
enum QueryThreads {
    /// Threads for a pass over `items`, when a thread should get at least `minimumPerThread`.
    static func parts(items: Int, minimumPerThread: Int) -> Int {
        let cores = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
        return max(1, min(cores, items / max(1, minimumPerThread)))
    }
}
