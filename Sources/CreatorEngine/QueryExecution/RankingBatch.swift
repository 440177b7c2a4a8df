/// Gathers a ranking's matches into batches of up to `capacity`, which the ranking then
/// scores a leaf at a time and offers to its collector in the order they came, so the
/// ranking is the same as one match at a time.
///
/// Two costs fall with it. Each scoring leaf is asked once per batch (one dynamic call, and
/// a loop of its own in which its postings cursors stay in registers) instead of once per
/// match: ranking was three quarters of `things i wish`'s time (212,169 matches; perf,
/// 6 Dec), mostly those per-match calls and their per-field searches, and batches took the
/// query from 7.3 to 4.7 ms. And when matches are sparse, what ranking a match reads (its
/// creator's quality, the sort column's value) is prefetched as the match joins the batch,
/// and read at least `heldBack` matches later, so those cache misses overlap: for a `like:`
/// with 12,000 matches on the 1M index, three quarters of the ranking's time stalled on
/// reading the quality score (perf, 6 Dec), since the scan before it had just streamed
/// 32 MB of vectors through the caches. Dense matches share cache lines, which the
/// processor's own prefetchers fetch in time; for them (`"Things I wish"`) prefetching only
/// cost time, so it is left off.
final class RankingBatch {
    /// Matches per batch: enough for the prefetches of a batch to overlap one another and
    /// to spread each leaf's call, few enough to stay in the first-level cache.
    static let capacity = 64
    /// Matches are sparse, and worth prefetching for, below this share of the documents:
    /// a match every 16 documents or fewer, so about every second cache line of eight
    /// `Double`s or less.
    static let sparseShare = 16
    /// Matches held back when a full batch is offered, while prefetching: what ranking a
    /// match reads is then asked for at least this many matches before it is read (a batch
    /// whose matches were all offered at once would read the newest right after asking).
    static let heldBack = 16

    /// Whether the caller should prefetch what it reads of each match as it joins.
    let prefetches: Bool
    // Plain memory rather than an array: appending is on every match's path, and an
    // array's uniqueness check there was a call into the runtime.
    private let storage = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: RankingBatch.capacity)
    @exclusivity(unchecked) private(set) var count = 0

    /// A batch for about `matches` of `documents`: it prefetches only when they are sparse.
    init(matches: Int, of documents: Int) {
        let (scaled, overflow) = matches.multipliedReportingOverflow(by: Self.sparseShare)
        prefetches = !overflow && scaled < documents
    }

    deinit { storage.deallocate() }

    /// The matches in the batch, oldest first (valid until the batch changes).
    var documents: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(rebasing: storage[0..<count]) }

    /// Adds `document` (after every earlier one) to a batch that is not full; whether the
    /// batch is now full.
    @inline(__always) func append(_ document: UInt32) -> Bool {
        precondition(count < Self.capacity, "appending to a full ranking batch")
        storage[count] = document
        count += 1
        return count == Self.capacity
    }

    /// How many of the oldest matches to offer now: all of them once the matches have run
    /// out (`last`) or when not prefetching, else all but the newest `heldBack`.
    func dueCount(last: Bool) -> Int {
        last || !prefetches ? count : max(0, count - Self.heldBack)
    }

    /// Removes the `removed` oldest matches (once offered).
    func removeFirst(_ removed: Int) {
        precondition(removed >= 0 && removed <= count, "removing more matches than the batch holds")
        let kept = count - removed
        // Forward, so a kept match never overwrites one not yet moved.
        for index in 0..<kept { storage[index] = storage[removed + index] }
        count = kept
    }
}
