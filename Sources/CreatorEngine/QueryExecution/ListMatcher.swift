/// Documents given by a sorted list: a facet value, an id, a handle, an audience key's
/// postings, a risk level or flag.
final class ListMatcher: DocumentMatcher {
    private let documents: SortedDocuments
    private let description: String
    @exclusivity(unchecked) private var cursor = 0

    init(_ documents: SortedDocuments, label: String) {
        self.documents = documents
        description = label
        super.init(estimate: documents.count)
    }

    override var iterationCost: Int { documents.count }
    override func makeIterator() -> DocumentIterator { BufferIterator(documents) }

    override func matches(_ document: UInt32) -> Bool {
        cursor = documents.firstPosition(from: cursor, atLeast: document)
        return cursor < documents.count && documents[cursor] == document
    }

    override var label: String { "\(description)  (\(documents.count) docs)" }
}
