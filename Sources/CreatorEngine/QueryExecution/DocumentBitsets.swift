import Synchronization

/// The sets of the large lists (a facet value at least 1/32 of the creators carry:
/// `lang:en`, `category:fashion`; the creators whose audience is known), made on first use
/// and kept for the searcher's life, so that checking a creator against them is one bit
/// test and combining them with other sets is a copy instead of a pass over the list.
/// At most `capacity` sets of `documentCount / 8` bytes each (125 KB a set at 1M).
final class DocumentBitsets: Sendable {
    let documentCount: Int
    private let capacity: Int
    private let made: Mutex<[String: DocumentSet]> = Mutex([:])

    init(documentCount: Int, capacity: Int = 128) {
        self.documentCount = documentCount
        self.capacity = capacity
    }

    /// Whether a list is large enough to be worth a kept set.
    func isWorthIt(_ count: Int) -> Bool { count >= 256 && count >= documentCount / 32 }

    /// The set of a list kept under `key`, or `nil` when the cache is full.
    func bitset(_ key: String, documents: SortedDocuments) -> DocumentSet? {
        if let known = made.withLock({ $0[key] }) { return known }
        let set = DocumentSet(documentCount: documentCount, documents: documents.buffer)
        return made.withLock { cache in
            if let known = cache[key] { return known }
            guard cache.count < capacity else { return nil }
            cache[key] = set
            return set
        }
    }

    /// The set of a list: the kept one for a large list, else made for this query.
    func set(_ key: String, documents: SortedDocuments) -> DocumentSet {
        if isWorthIt(documents.count), let kept = bitset(key, documents: documents) { return kept }
        return DocumentSet(documentCount: documentCount, documents: documents.buffer)
    }
}
