/// The decoded postings of the terms of one query, shared by the query's plans (matching,
/// ranking and the page's score parts), so each list is decoded (and each term's fields
/// merged) once per search.
final class PostingsCache {
    private var decoded: [String: PostingList] = [:]
    private var merged: [String: (documents: SortedDocuments, scores: OwnedBuffer<Double>)] = [:]
    private var phrases: [String: PhraseCounts] = [:]
    private var computedLists: [String: SortedDocuments] = [:]
    private var computedScores: [String: OwnedBuffer<Float>] = [:]

    /// A document list computed from the index for this query (an audience key's failing
    /// creators), made by `make` on first use.
    func list(_ key: String, make: () -> [UInt32]) -> SortedDocuments {
        if let known = computedLists[key] { return known }
        let made = SortedDocuments(owned: make())
        computedLists[key] = made
        return made
    }

    /// A value per document computed for this query (similarities to a `like:` creator,
    /// audience shares with an `overlap:` creator), made by `make` on first use.
    func perDocument(_ key: String, make: () -> [Float]) -> OwnedBuffer<Float> {
        if let known = computedScores[key] { return known }
        let made = OwnedBuffer(make())
        computedScores[key] = made
        return made
    }

    func postings(of term: FieldTerm) -> PostingList {
        let key = term.field.rawValue + "\u{0}" + String(term.info.postingsOffset)
        if let known = decoded[key] { return known }
        let postings = PostingList(term.reader.decodedPostings(term.info))
        decoded[key] = postings
        return postings
    }

    /// A term's documents over all fields with their scores, made by `make` on first use.
    func merged(_ term: String, make: () -> (documents: SortedDocuments, scores: OwnedBuffer<Double>))
        -> (documents: SortedDocuments, scores: OwnedBuffer<Double>) {
        if let known = merged[term] { return known }
        let made = make()
        merged[term] = made
        return made
    }

    /// The occurrences found so far of one phrase (by its query text).
    func phraseCounts(_ phrase: String, fields: Int) -> PhraseCounts {
        if let known = phrases[phrase] { return known }
        let counts = PhraseCounts(fields: fields)
        phrases[phrase] = counts
        return counts
    }
}

/// One term's postings in one field, decoded, in buffers read without reference counting.
struct PostingList {
    let documents: SortedDocuments
    let frequencies: OwnedBuffer<UInt32>

    init(_ decoded: DecodedPostings) {
        documents = SortedDocuments(owned: decoded.documents)
        frequencies = OwnedBuffer(decoded.frequencies)
    }
}

/// How often a phrase occurs in each field of the documents checked so far, in ascending
/// document order (each plan checks documents in ascending order).
final class PhraseCounts {
    private let fields: Int
    private var documents: [UInt32] = []
    private var counts: [UInt32] = []

    init(fields: Int) {
        self.fields = fields
    }

    /// The counts recorded for `document`, searching forward from `cursor`.
    func counts(of document: UInt32, cursor: inout Int) -> ArraySlice<UInt32>? {
        while cursor < documents.count, documents[cursor] < document { cursor += 1 }
        guard cursor < documents.count, documents[cursor] == document else { return nil }
        return counts[cursor * fields..<(cursor + 1) * fields]
    }

    /// Records a document's counts (ignored unless after every recorded one).
    func record(_ document: UInt32, _ found: [UInt32]) {
        guard documents.last.map({ $0 < document }) ?? true else { return }
        documents.append(document)
        counts.append(contentsOf: found)
    }
}
