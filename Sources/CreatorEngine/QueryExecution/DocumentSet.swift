internal import CPostings

/// A set of an index's documents as one bit per document (125 KB at 1M creators): the
/// currency of set-at-a-time execution. Filters that match tens of thousands of creators
/// (a country, a follower range, an audience share) are answered as whole sets and
/// combined a machine word at a time, so their cost depends on the index's size divided by
/// 64 and not on how many creators they match; `count` is then a population count.
///
/// A value type with copy-on-write storage: sets kept in caches are shared, and a query
/// combining them copies only what it changes.
struct DocumentSet: @unchecked Sendable {
    // Mutated only through `mutableWords`, which copies shared storage first.
    private var storage: Storage
    let documentCount: Int

    /// The empty set (`filled: false`) or every document (`filled: true`).
    init(documentCount: Int, filled: Bool = false) {
        self.documentCount = documentCount
        storage = Storage(wordCount: (documentCount + 63) / 64)
        if filled {
            storage.words.update(repeating: ~0)
            clearTail()
        }
    }

    /// A copy of `documentCount` bits laid out as a set's words (bit d of word d / 64).
    init(documentCount: Int, words: UnsafeBufferPointer<UInt64>) {
        self.init(documentCount: documentCount)
        _ = storage.words.update(fromContentsOf: words.prefix(storage.words.count))
        clearTail()
    }

    /// The documents of a list (any order; repeats allowed).
    init<Documents: Sequence<UInt32>>(documentCount: Int, documents: Documents) {
        self.init(documentCount: documentCount)
        let words = storage.words
        for document in documents { words[Int(document >> 6)] |= 1 << UInt64(document & 63) }
    }

    /// Read-only word view (valid while `self` is alive and unchanged).
    var words: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(storage.words) }

    /// Writable words, copied first when the storage is shared.
    private var mutableWords: UnsafeMutableBufferPointer<UInt64> {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage.words
        }
    }

    @inline(__always) func contains(_ document: UInt32) -> Bool {
        storage.words[Int(document >> 6)] & (1 << UInt64(document & 63)) != 0
    }

    mutating func insert(_ document: UInt32) {
        mutableWords[Int(document >> 6)] |= 1 << UInt64(document & 63)
    }

    mutating func remove(_ document: UInt32) {
        mutableWords[Int(document >> 6)] &= ~(1 << UInt64(document & 63))
    }

    /// Adds a run of documents, each given by `document(at:)` for positions `range`.
    mutating func insert(_ range: Range<Int>, _ document: (Int) -> UInt32) {
        let words = mutableWords
        for position in range {
            let value = document(position)
            words[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
    }

    /// Adds an ascending list of documents (a term's postings), each below `documentCount`.
    /// A dense list (a common word's: four documents or more to a word of bits on average)
    /// gathers each word's bits before storing them (`cpost_set_bits_ascending`); a sparse
    /// one is set bit by bit, where gathering would mostly mispredict the end of each run.
    mutating func insert(ascending documents: SortedDocuments) {
        let words = mutableWords
        guard let first = documents.buffer.baseAddress, let wordBase = words.baseAddress else { return }
        if documents.count >= 4 * words.count {
            cpost_set_bits_ascending(wordBase, first, documents.count)
        } else {
            for value in documents.buffer { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        }
    }

    /// Removes a run of documents, each given by `document(at:)` for positions `range`.
    mutating func remove(_ range: Range<Int>, _ document: (Int) -> UInt32) {
        let words = mutableWords
        for position in range {
            let value = document(position)
            words[Int(value >> 6)] &= ~(1 << UInt64(value & 63))
        }
    }

    mutating func formIntersection(_ other: DocumentSet) {
        combine(other) { $0 & $1 }
    }

    mutating func formUnion(_ other: DocumentSet) {
        combine(other) { $0 | $1 }
    }

    mutating func subtract(_ other: DocumentSet) {
        combine(other) { $0 & ~$1 }
    }

    /// Every document not in the set.
    mutating func complement() {
        let words = mutableWords
        for index in words.indices { words[index] = ~words[index] }
        clearTail()
    }

    /// How many documents the set holds.
    var count: Int {
        var total = 0
        for word in storage.words { total &+= word.nonzeroBitCount }
        return total
    }

    /// Calls `body` with each document, ascending.
    func forEach(_ body: (UInt32) throws -> Void) rethrows {
        let words = storage.words
        for index in words.indices {
            var word = words[index]
            while word != 0 {
                try body(UInt32(index << 6 | word.trailingZeroBitCount))
                word &= word &- 1
            }
        }
    }

    /// The documents, ascending.
    var documents: [UInt32] {
        var documents: [UInt32] = []
        documents.reserveCapacity(count)
        forEach { documents.append($0) }
        return documents
    }

    @inline(__always) private mutating func combine(_ other: DocumentSet, _ operation: (UInt64, UInt64) -> UInt64) {
        precondition(other.documentCount == documentCount, "sets of different indexes")
        let words = mutableWords, others = other.storage.words
        for index in words.indices { words[index] = operation(words[index], others[index]) }
    }

    /// Bits past the last document stay zero, so `count` and `complement` stay exact.
    private mutating func clearTail() {
        let used = documentCount & 63
        guard used != 0 else { return }
        let words = mutableWords
        words[words.count - 1] &= (1 << UInt64(used)) - 1
    }

    /// The words, freed with the last set that shares them.
    private final class Storage {
        let words: UnsafeMutableBufferPointer<UInt64>

        init(wordCount: Int) {
            words = .allocate(capacity: wordCount)
            words.initialize(repeating: 0)
        }

        func copy() -> Storage {
            let copy = Storage(wordCount: words.count)
            _ = copy.words.update(fromContentsOf: words)
            return copy
        }

        deinit { words.deallocate() }
    }
}
