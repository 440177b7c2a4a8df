/// Documents given by a sorted list: a facet value, an id, a handle, an audience key's
/// postings, a risk level or flag.
final class ListMatcher: DocumentMatcher {
    private let documents: SortedDocuments
    private let description: String
    @exclusivity(unchecked) private var cursor = 0
    /// For a long list, its kept set: checks are then one bit test.
    private let keptSet: DocumentSet?
    private let sets: DocumentBitsets

    /// `setKey` names the list in the searcher's kept sets (a facet value, a risk level);
    /// lists made for one query (an id, a handle) have none.
    init(_ documents: SortedDocuments, label: String, sets: DocumentBitsets, setKey: String? = nil) {
        self.documents = documents
        description = label
        self.sets = sets
        keptSet = setKey.flatMap { sets.isWorthIt(documents.count) ? sets.bitset($0, documents: documents) : nil }
        super.init(estimate: documents.count)
    }

    override var iterationCost: Int { documents.count }
    override func makeIterator() -> DocumentIterator { BufferIterator(documents) }

    override func matches(_ document: UInt32) -> Bool {
        if let keptSet { return keptSet.contains(document) }
        cursor = documents.firstPosition(from: cursor, atLeast: document)
        return cursor < documents.count && documents[cursor] == document
    }

    override var canMakeSet: Bool { true }
    override func documentSet() -> DocumentSet? {
        keptSet ?? DocumentSet(documentCount: sets.documentCount, documents: documents.buffer)
    }

    override var label: String { "\(description)  (\(documents.count) docs)" }
}

/// A value of a single-valued facet (platform, tier, country): listed from its postings
/// like `ListMatcher`, but checked by comparing the document's code (one array read)
/// instead of searching the list, which matters for values most creators share.
final class FacetValueMatcher: DocumentMatcher {
    private let documents: SortedDocuments
    // Views `DocumentFacets`' codes, which the searcher keeps for its whole life.
    private let codes: UnsafeBufferPointer<UInt16>
    private let code: UInt16
    private let description: String
    private let sets: DocumentBitsets
    private let setKey: String

    init(_ documents: SortedDocuments, codes: (codes: UnsafeBufferPointer<UInt16>, code: UInt16), label: String,
         sets: DocumentBitsets, setKey: String) {
        self.documents = documents
        self.codes = codes.codes
        code = codes.code
        description = label
        self.sets = sets
        self.setKey = setKey
        super.init(estimate: documents.count)
    }

    override var iterationCost: Int { documents.count }
    override func makeIterator() -> DocumentIterator { BufferIterator(documents) }
    override func matches(_ document: UInt32) -> Bool { codes[Int(document)] == code }
    override var canMakeSet: Bool { true }
    override func documentSet() -> DocumentSet? { sets.set(setKey, documents: documents) }
    override var label: String { "\(description)  (\(documents.count) docs)" }
}
