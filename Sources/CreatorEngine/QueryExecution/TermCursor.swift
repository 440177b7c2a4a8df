/// A forward-only cursor over one term's postings in one field, for phrases: documents
/// come from the decoded postings, and the positions of the current document are read
/// from the file on demand, stepping over the positions of the documents passed by.
final class TermCursor {
    private let postings: DecodedPostings
    private var positionsData: VarintCursor?
    /// Index of the current posting (`-1` before the first).
    @exclusivity(unchecked) private var index = -1
    /// Position values stored before the current posting, and how many were stepped over.
    @exclusivity(unchecked) private var positionsBefore = 0
    @exclusivity(unchecked) private var positionsConsumed = 0
    private var cachedPositions: [UInt32]?

    init(reader: TextFieldReader, info: TermInfo, postings: DecodedPostings) {
        self.postings = postings
        positionsData = reader.positions(info).map { VarintCursor($0) }
    }

    /// Moves to the first posting at or after `target`; whether it is exactly `target`.
    func advance(to target: UInt32) -> Bool {
        let documents = postings.documents
        if index >= 0, index < documents.count, documents[index] >= target { return documents[index] == target }
        var next = max(index, 0)
        while next < documents.count, documents[next] < target { next += 1 }
        for passed in max(index, 0)..<next { positionsBefore += Int(postings.frequencies[passed]) }
        index = next
        cachedPositions = nil
        return next < documents.count && documents[next] == target
    }

    /// Word positions of the term in the current document, ascending (empty if the file's
    /// positions are damaged).
    var positions: [UInt32] {
        if let cachedPositions { return cachedPositions }
        guard index >= 0, index < postings.documents.count, var data = positionsData,
              (try? data.skip(positionsBefore - positionsConsumed)) != nil else { return [] }
        var result: [UInt32] = []
        var position: UInt32 = 0
        for _ in 0..<postings.frequencies[index] {
            guard let delta = try? data.next() else { return [] }
            position += delta
            result.append(position)
        }
        positionsData = data
        positionsConsumed = positionsBefore + result.count
        cachedPositions = result
        return result
    }
}
