/// The decoded postings of the terms of one query, shared by the query's plans (matching,
/// ranking and the page's score parts), so each list is decoded (and each term's fields
/// merged) once per search.
final class PostingsCache {
    private var decoded: [String: DecodedPostings] = [:]
    private var merged: [String: (documents: SortedDocuments, scores: OwnedBuffer<Double>)] = [:]
    private var phrases: [String: PhraseCounts] = [:]

    /// The occurrences found so far of one phrase (by its query text).
    func phraseCounts(_ phrase: String) -> PhraseCounts {
        if let known = phrases[phrase] { return known }
        let counts = PhraseCounts()
        phrases[phrase] = counts
        return counts
    }

    /// A term's documents over all fields with their scores, made by `make` on first use.
    func merged(_ term: String, make: () -> (documents: SortedDocuments, scores: OwnedBuffer<Double>))
        -> (documents: SortedDocuments, scores: OwnedBuffer<Double>) {
        if let known = merged[term] { return known }
        let made = make()
        merged[term] = made
        return made
    }

    func postings(of term: FieldTerm) -> DecodedPostings {
        let key = term.field.rawValue + "\u{0}" + String(term.info.postingsOffset)
        if let known = decoded[key] { return known }
        let postings = term.reader.decodedPostings(term.info)
        decoded[key] = postings
        return postings
    }
}

/// How often a phrase occurs in each field of the documents checked so far.
final class PhraseCounts {
    var byDocument: [UInt32: [UInt32]] = [:]
}
