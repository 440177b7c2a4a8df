/// An audience qualifier (`aud.country:US>=40%`): the share of the creator's audience with
/// a key satisfies a predicate. A creator whose distribution is unknown never matches; one
/// whose distribution is known but lacks the key has a share of 0.
///
/// Shares and thresholds are compared at the precision the index keeps shares in
/// (`Float`): a share of exactly 70% is stored as 0.699999988, and `>=70%` must take it.
///
/// When a share of 0 fails (`>=40%`), the key's inverted postings list the matches. When it
/// passes (`<=20%`), nearly every creator can match, so the matches are listed as the
/// creators whose distribution is known minus those whose share of the key fails, both
/// sorted lists walked with galloping cursors.
final class AudienceMatcher: DocumentMatcher {
    private let reader: AudienceReader
    private let keyIndex: Int?
    private let predicate: NumericPredicate
    private let description: String
    /// For a predicate that accepts 0: known distributions, and the creators among them
    /// whose share fails.
    private let present: SortedDocuments
    private let excluded: SortedDocuments?
    @exclusivity(unchecked) private var presentCursor = 0
    @exclusivity(unchecked) private var excludedCursor = 0

    init(reader: AudienceReader, key: String, predicate: NumericPredicate, label: String, cache: PostingsCache) {
        self.reader = reader
        keyIndex = reader.keyID(of: key)
        let predicate = predicate.atFloatPrecision
        self.predicate = predicate
        description = label
        present = SortedDocuments(mapped: reader.present)
        let postings = reader.postings(for: key)
        if predicate.matches(0) {
            let failing = cache.list("\(reader.dimension.rawValue)\u{0}\(key)\u{0}\(predicate)") {
                var failing: [UInt32] = []
                for index in 0..<postings.documents.count where !predicate.matches(Double(postings.shares[index])) {
                    failing.append(postings.documents[index])
                }
                return failing
            }
            excluded = failing
            super.init(estimate: reader.present.count - failing.count)
        } else {
            excluded = nil
            super.init(estimate: Self.sampledEstimate(postings.shares.count) { predicate.matches(Double(postings.shares[$0])) })
        }
    }

    override var iterationCost: Int {
        if let excluded { return present.count + excluded.count }
        return keyIndex.map { reader.postings(for: reader.keys[$0]).documents.count } ?? 0
    }

    override func makeIterator() -> DocumentIterator {
        if let excluded { return DifferenceIterator(present, minus: excluded) }
        guard let keyIndex else { return EmptyIterator() }
        let postings = reader.postings(for: reader.keys[keyIndex])
        return SharePostingsIterator(documents: postings.documents, shares: postings.shares, predicate: predicate)
    }

    override func matches(_ document: UInt32) -> Bool {
        if let excluded {
            presentCursor = present.firstPosition(from: presentCursor, atLeast: document)
            guard presentCursor < present.count, present[presentCursor] == document else { return false }
            excludedCursor = excluded.firstPosition(from: excludedCursor, atLeast: document)
            return !(excludedCursor < excluded.count && excluded[excludedCursor] == document)
        }
        guard let keyIndex else { return false }
        let doc = Int(document)
        for entry in Int(reader.forwardOffsets[doc])..<Int(reader.forwardOffsets[doc + 1])
        where Int(reader.forwardKeys[entry]) == keyIndex {
            return predicate.matches(Double(reader.forwardShares[entry]))
        }
        return false
    }

    override var label: String {
        "\(description)  (≈ \(estimate) docs, "
            + (excluded == nil ? "from the key's postings)" : "known audiences minus \(excluded?.count ?? 0) failing)")
    }
}

extension NumericPredicate {
    /// The predicate with its numbers rounded to `Float`, to compare values stored as `Float`.
    var atFloatPrecision: NumericPredicate {
        func rounded(_ value: Double?) -> Double? { value.map { Double(Float($0)) } }
        switch self {
        case .range(let lower, let upper): return .range(lower: rounded(lower), upper: rounded(upper))
        case .comparison(let comparison, let value): return .comparison(comparison, Double(Float(value)))
        }
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
    private let documents: UnsafeBufferPointer<UInt32>
    private let shares: UnsafeBufferPointer<Float>
    private let predicate: NumericPredicate
    @exclusivity(unchecked) private var position = 0

    init(documents: UnsafeBufferPointer<UInt32>, shares: UnsafeBufferPointer<Float>, predicate: NumericPredicate) {
        self.documents = documents
        self.shares = shares
        self.predicate = predicate
    }

    override func next() -> UInt32? {
        while position < documents.count {
            defer { position += 1 }
            if predicate.matches(Double(shares[position])) { return documents[position] }
        }
        return nil
    }
}
