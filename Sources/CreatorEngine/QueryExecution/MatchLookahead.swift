/// Holds back the last few matches of a ranking, so that what ranking a match reads (its
/// creator's quality, or the sort column's value) is fetched into the caches while the
/// matches before it are ranked. Matches leave in the order they came, so the ranking is
/// the same as without it.
///
/// Those reads are cache misses when matches are sparse: for a `like:` with 12,000
/// matches on the 1M index, three quarters of the ranking's time stalled on reading the
/// quality score (perf, 6 Dec), since the scan before it has just streamed 32 MB of
/// vectors through the caches. Dense matches share cache lines, which the processor's own
/// prefetchers fetch in time; for them (`"Things I wish"`, 212,000 matches) the lookahead
/// only cost time, so it holds nothing back there.
struct MatchLookahead {
    /// How many matches are held back: enough for their reads to overlap one another.
    static let depth = 16
    /// Matches are sparse, and worth prefetching for, below this share of the documents:
    /// a match every 16 documents or fewer, so about every second cache line of eight
    /// `Double`s or less.
    static let sparseShare = 16

    /// Whether the caller should prefetch what it reads of each match.
    let prefetches: Bool
    private var held = [UInt32](repeating: 0, count: depth)
    private var first = 0
    private var count = 0

    /// A lookahead for about `matches` of `documents`: it holds matches back only when they
    /// are sparse.
    init(matches: Int, of documents: Int) {
        let (scaled, overflow) = matches.multipliedReportingOverflow(by: Self.sparseShare)
        prefetches = !overflow && scaled < documents
    }

    /// Holds `document` back (when prefetching), returning the oldest held match once
    /// `depth` are held, or `document` itself when not prefetching.
    @inline(__always) mutating func push(_ document: UInt32) -> UInt32? {
        guard prefetches else { return document }
        guard count == Self.depth else {
            held[(first + count) % Self.depth] = document
            count += 1
            return nil
        }
        let due = held[first]
        held[first] = document
        first = (first + 1) % Self.depth
        return due
    }

    /// The oldest held match, once the matches have run out; `nil` when none is left.
    @inline(__always) mutating func pop() -> UInt32? {
        guard count > 0 else { return nil }
        let due = held[first]
        first = (first + 1) % Self.depth
        count -= 1
        return due
    }
}
