/// One facet's keywords and, for each, the sorted documents that carry it.
public struct FacetReader: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive.
    public let facet: Facet
    public let keys: StringTable.Reader
    let offsets: UnsafeBufferPointer<UInt64>
    let documents: UnsafeBufferPointer<UInt32>

    init(facet: Facet, file: IndexFile, documentCount: Int) throws {
        self.facet = facet
        let view = try file.section("facet.\(facet.rawValue)")
        keys = try StringTable.Reader(view)
        offsets = try view.array(of: UInt64.self, at: keys.encodedLength, count: keys.count + 1)
        let total = Int(offsets[keys.count])
        documents = try view.array(of: UInt32.self, at: keys.encodedLength + (keys.count + 1) * 8, count: total)
        var previous: UInt64 = 0
        for offset in offsets {
            guard offset >= previous, offset <= UInt64(total) else { throw IndexError.corrupt("\(view.context): offsets out of order") }
            previous = offset
        }
        if let largest = documents.max(), Int(largest) >= documentCount {
            throw IndexError.corrupt("\(view.context): document \(largest) beyond \(documentCount)")
        }
    }

    /// Sorted documents with exactly this (already folded) key; empty when none.
    public func documents(for key: String) -> UnsafeBufferPointer<UInt32> {
        guard let index = keys.find(key) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return documents(at: index)
    }

    public func documents(at keyIndex: Int) -> UnsafeBufferPointer<UInt32> {
        let start = Int(offsets[keyIndex]), end = Int(offsets[keyIndex + 1])
        return UnsafeBufferPointer(rebasing: documents[start..<end])
    }

    /// Every key with how many documents carry it.
    public var counts: [(key: String, count: Int)] {
        (0..<keys.count).map { (keys[$0], Int(offsets[$0 + 1] - offsets[$0])) }
    }
}
