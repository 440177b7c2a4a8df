/// An audience qualifier (`aud.country:US>=40%`): the share of the creator's audience with
/// a key satisfies a predicate. A creator whose distribution is unknown never matches; one
/// whose distribution is known but lacks the key has a share of 0.
///
/// Shares are compared as the index keeps them, in ten-thousandths (`AudienceShare`): the
/// share a creator's profile shows is the share the predicate sees, and a threshold of up
/// to two decimals of a percent (`>=70%`, `<=12.25%`) is the same `Double` as the share it
/// names, so equal values pass `>=` and `<=`.
///
/// When a share of 0 fails (`>=40%`), the key's inverted postings list the matches. When it
/// passes (`<=20%`), nearly every creator can match, so the matches are listed as the
/// creators whose distribution is known minus those whose share of the key fails. A
/// creator is checked by reading its forward distribution (a handful of entries). As a
/// set, the passing shares are a slice of the key's share order (`ValueOrders`).
final class AudienceMatcher: DocumentMatcher {
    private let reader: AudienceReader
    private let key: String
    private let keyIndex: Int?
    private let predicate: NumericPredicate
    private let description: String
    /// Whether a share of 0 passes: then creators without the key match too.
    private let acceptsZero: Bool
    private let cache: PostingsCache
    private let sets: DocumentBitsets
    private let orders: ValueOrders

    init(reader: AudienceReader, key: String, predicate: NumericPredicate, label: String, cache: PostingsCache,
         sets: DocumentBitsets, orders: ValueOrders) {
        self.sets = sets
        self.orders = orders
        self.reader = reader
        self.key = key
        keyIndex = reader.keyID(of: key)
        self.predicate = predicate
        description = label
        acceptsZero = predicate.matches(0)
        self.cache = cache
        if acceptsZero {
            // Sampled over the creators whose audience is known.
            let present = reader.present
            let passing = Self.sampledEstimate(present.count) { [keyIndex] position in
                Self.share(reader, keyIndex, Int(present[position])).map { predicate.matches($0) } ?? true
            }
            super.init(estimate: passing)
        } else {
            let shares = reader.shares(for: key)
            super.init(estimate: Self.sampledEstimate(shares.count) { predicate.matches(AudienceShare.share(shares[$0])) })
        }
    }

    /// The share of `key` in the document's forward distribution, `nil` when the key is absent.
    @inline(__always) private static func share(_ reader: AudienceReader, _ keyIndex: Int?, _ document: Int) -> Double? {
        guard let keyIndex else { return nil }
        for entry in reader.entries(of: document) where reader.forwardKey(entry) == keyIndex {
            return reader.forwardShare(entry)
        }
        return nil
    }

    override var iterationCost: Int {
        acceptsZero ? reader.present.count : reader.shares(for: key).count
    }

    override func makeIterator() -> DocumentIterator {
        let postings = reader.postings(for: key)
        guard acceptsZero else {
            return SharePostingsIterator(documents: postings.documents, shares: postings.shares, predicate: predicate)
        }
        // Known audiences minus the creators whose share fails (made only when listing).
        let failing = cache.list("\(reader.dimension.rawValue)\u{0}\(key)\u{0}\(predicate)") { [predicate] in
            var failing: [UInt32] = []
            for index in 0..<postings.documents.count where !predicate.matches(AudienceShare.share(postings.shares[index])) {
                failing.append(postings.documents[index])
            }
            return SortedDocuments(owned: failing)
        }
        return DifferenceIterator(SortedDocuments(mapped: reader.present), minus: failing)
    }

    override func matches(_ document: UInt32) -> Bool {
        let doc = Int(document)
        if let share = Self.share(reader, keyIndex, doc) { return predicate.matches(share) }
        guard acceptsZero else { return false }
        // No entry for the key: a share of 0 when the distribution is known.
        return reader.isPresent(doc)
    }

    override var canMakeSet: Bool { true }

    /// The key's creators whose share passes (a slice of its share order) and, when a share
    /// of 0 passes, the known audiences without the key.
    override func documentSet() -> DocumentSet? {
        let bounds = ValueBounds(predicate)
        let knownAudiences = { [sets, reader] in
            sets.set("audience.present\u{0}\(reader.dimension.rawValue)", documents: SortedDocuments(mapped: reader.present))
        }
        var result: DocumentSet
        // `reader` views the index's mapping, which `orders` keeps alive while it makes the order.
        let reader = reader
        if let order = orders.order(.audience(reader.dimension, key), make: { [key, documentCount = sets.documentCount] in
            let postings = reader.postings(for: key)
            return withExtendedLifetime(postings.documents) {
                ValueOrder(documentCount: documentCount, documents: postings.documents.buffer) { AudienceShare.share(postings.shares[$0]) }
            }
        }) {
            let passing = order.positions(passing: bounds)
            guard acceptsZero else { return order.documents(in: passing) }
            result = knownAudiences()
            result.subtract(order.documents(in: 0..<passing.lowerBound))
            result.subtract(order.documents(in: passing.upperBound..<order.knownCount))
            return result
        }
        // No order (yet, or past the cache's quota of them): one pass over the key's postings.
        let postings = reader.postings(for: key)
        result = acceptsZero ? knownAudiences() : DocumentSet(documentCount: sets.documentCount)
        for position in 0..<postings.documents.count where bounds.contains(AudienceShare.share(postings.shares[position])) != acceptsZero {
            if acceptsZero { result.remove(postings.documents[position]) } else { result.insert(postings.documents[position]) }
        }
        return result
    }

    override var label: String {
        "\(description)  (≈ \(estimate) docs, "
            + (acceptsZero ? "known audiences minus the failing ones)" : "from the key's postings)")
    }
}

/// The documents of `base` that are not in `excluded` (both ascending).
final class DifferenceIterator: DocumentIterator {
    private let base: SortedDocuments
    private let excluded: SortedDocuments
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var excludedPosition = 0

    init(_ base: SortedDocuments, minus excluded: SortedDocuments) {
        self.base = base
        self.excluded = excluded
    }

    override func next() -> UInt32? {
        while position < base.count {
            let document = base[position]
            position += 1
            while excludedPosition < excluded.count, excluded[excludedPosition] < document { excludedPosition += 1 }
            if excludedPosition < excluded.count, excluded[excludedPosition] == document { continue }
            return document
        }
        return nil
    }
}

/// The documents of an audience key's postings whose share passes a predicate.
final class SharePostingsIterator: DocumentIterator {
    private let documents: SortedDocuments
    private let shares: UnsafeBufferPointer<UInt16>
    private let predicate: NumericPredicate
    @exclusivity(unchecked) private var position = 0

    init(documents: SortedDocuments, shares: UnsafeBufferPointer<UInt16>, predicate: NumericPredicate) {
        self.documents = documents
        self.shares = shares
        self.predicate = predicate
    }

    override func next() -> UInt32? {
        while position < documents.count {
            defer { position += 1 }
            if predicate.matches(AudienceShare.share(shares[position])) { return documents[position] }
        }
        return nil
    }
}
