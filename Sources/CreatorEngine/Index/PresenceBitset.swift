/// Which documents have a value, as a bitset (bit `d % 64` of word `d / 64`), when the
/// values of the documents that have one are stored densely in document order: the row of
/// a document among them is the bits set before it, found from a count per word made when
/// the index is opened (one pass over `documents / 64` words).
///
/// Sparse numeric columns (`ColumnValues`) and the MinHash sketches (`OverlapEstimator`)
/// keep rows only for the documents that have them.
struct PresenceBitset: @unchecked Sendable {
    // `words` views the index's immutable mapping, which its owner keeps alive.
    let words: UnsafeBufferPointer<UInt64>
    /// Per word, the bits set in the words before it.
    private let setBefore: OwnedBuffer<UInt32>
    /// The bits set: how many documents have a row.
    let count: Int

    init(words: UnsafeBufferPointer<UInt64>) {
        self.words = words
        var before: [UInt32] = []
        before.reserveCapacity(words.count)
        var count = 0
        for word in words {
            before.append(UInt32(truncatingIfNeeded: count))
            count += word.nonzeroBitCount
        }
        setBefore = OwnedBuffer(before)
        self.count = count
    }

    /// Whether `document` has a row.
    @inline(__always) func contains(_ document: Int) -> Bool {
        words[document >> 6] >> UInt64(document & 63) & 1 == 1
    }

    /// The row of a document that has one (`contains(document)`).
    @inline(__always) func row(of document: Int) -> Int {
        let word = document >> 6
        let below = words[word] & ((1 << UInt64(document & 63)) &- 1)
        return Int(setBefore.buffer[word]) + below.nonzeroBitCount
    }

    /// The words of a bitset of `documentCount` documents with `isPresent(d)` set.
    static func words(documentCount: Int, _ isPresent: (Int) -> Bool) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
        for document in 0..<documentCount where isPresent(document) { words[document >> 6] |= 1 << UInt64(document & 63) }
        return words
    }
}
