import Synchronization

/// Bitsets of the large facet values (a value at least 1/32 of the creators carry:
/// `lang:en`, `category:fashion`), made on first use and kept for the searcher's life, so
/// that checking a creator against them is one bit test instead of a search in a long list.
/// At most `capacity` bitsets of `documentCount / 8` bytes each (125 KB per value at 1M).
final class DocumentBitsets: Sendable {
    private let documentCount: Int
    private let capacity: Int
    private let made: Mutex<[String: Bitset]> = Mutex([:])

    init(documentCount: Int, capacity: Int = 128) {
        self.documentCount = documentCount
        self.capacity = capacity
    }

    /// Whether a list is large enough to be worth a bitset.
    func isWorthIt(_ count: Int) -> Bool { count >= 256 && count >= documentCount / 32 }

    /// The bitset of a facet value's list, or `nil` when the cache is full.
    func bitset(_ key: String, documents: SortedDocuments) -> Bitset? {
        if let known = made.withLock({ $0[key] }) { return known }
        var words = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
        for position in 0..<documents.count {
            let document = Int(documents[position])
            words[document >> 6] |= 1 << UInt64(document & 63)
        }
        let bitset = Bitset(words: OwnedBuffer(words))
        return made.withLock { cache in
            if let known = cache[key] { return known }
            guard cache.count < capacity else { return nil }
            cache[key] = bitset
            return bitset
        }
    }
}

/// One bit per document.
struct Bitset: @unchecked Sendable {
    // Immutable after creation; `OwnedBuffer` keeps the words alive.
    let words: OwnedBuffer<UInt64>

    @inline(__always) func contains(_ document: UInt32) -> Bool {
        words.buffer[Int(document >> 6)] & (1 << UInt64(document & 63)) != 0
    }
}
