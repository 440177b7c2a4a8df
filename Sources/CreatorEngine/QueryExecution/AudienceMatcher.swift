/// An audience qualifier (`aud.country:US>=40%`): the share of the creator's audience with
/// a key satisfies a predicate. A creator whose distribution is unknown never matches; one
/// whose distribution is known but lacks the key has a share of 0.
///
/// Shares are compared at the precision the index keeps them (`Float`).
final class AudienceMatcher: DocumentMatcher {
    private let reader: AudienceReader
    private let keyIndex: Int?
    private let predicate: NumericPredicate
    private let description: String
    /// Whether a share of 0 passes: then creators without the key match too, and the
    /// key's postings cannot list the matches.
    private let acceptsZero: Bool

    init(reader: AudienceReader, key: String, predicate: NumericPredicate, label: String) {
        self.reader = reader
        keyIndex = reader.keyID(of: key)
        self.predicate = predicate
        description = label
        acceptsZero = predicate.matches(0)
        let postings = reader.postings(for: key)
        let estimate = acceptsZero
            ? reader.present.count
            : Self.sampledEstimate(postings.shares.count) { predicate.matches(Double(postings.shares[$0])) }
        super.init(estimate: estimate)
    }

    override var iterationCost: Int {
        acceptsZero ? .max : reader.postings(for: keyIndex.map { reader.keys[$0] } ?? "").documents.count
    }

    override func makeIterator() -> DocumentIterator {
        guard let keyIndex else { return EmptyIterator() }
        let postings = reader.postings(for: reader.keys[keyIndex])
        return SharePostingsIterator(documents: postings.documents, shares: postings.shares, predicate: predicate)
    }

    override func matches(_ document: UInt32) -> Bool {
        let doc = Int(document)
        let start = Int(reader.forwardOffsets[doc]), end = Int(reader.forwardOffsets[doc + 1])
        if let keyIndex {
            for entry in start..<end where Int(reader.forwardKeys[entry]) == keyIndex {
                return predicate.matches(Double(reader.forwardShares[entry]))
            }
        }
        return acceptsZero && (start < end || reader.isPresent(doc))
    }

    override var label: String {
        "\(description)  (≈ \(estimate) docs, " + (acceptsZero ? "checked per doc)" : "from the key's postings)")
    }
}

/// The documents of an audience key's postings whose share passes a predicate.
final class SharePostingsIterator: DocumentIterator {
    private let documents: UnsafeBufferPointer<UInt32>
    private let shares: UnsafeBufferPointer<Float>
    private let predicate: NumericPredicate
    private var position = 0

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
