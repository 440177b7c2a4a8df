/// One facet's keywords and, for each, the sorted documents that carry it.
public struct FacetReader: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive.
    public let facet: Facet
    public let keys: StringTable.Reader
    /// One list per key, in the keys' order.
    let lists: ChunkedDocumentLists.Reader

    init(facet: Facet, file: IndexFile, documentCount: Int) throws {
        self.facet = facet
        let view = try file.section("facet.\(facet.rawValue)")
        keys = try StringTable.Reader(view)
        lists = try ChunkedDocumentLists.Reader(view, at: keys.encodedLength, documentCount: documentCount)
        guard lists.listCount == keys.count else { throw view.corrupt("\(lists.listCount) lists for \(keys.count) keys") }
    }

    /// Sorted documents with exactly this (already folded) key; empty when none.
    func documents(for key: String) -> SortedDocuments {
        guard let index = keys.find(key) else { return .empty }
        return documents(at: index)
    }

    func documents(at keyIndex: Int) -> SortedDocuments { SortedDocuments(decoding: keyIndex, of: lists) }

    /// How many documents carry the key (without reading their list).
    public func count(at keyIndex: Int) -> Int { lists.count(of: keyIndex) }

    /// Every key with how many documents carry it.
    public var counts: [(key: String, count: Int)] {
        (0..<keys.count).map { (keys[$0], count(at: $0)) }
    }
}
