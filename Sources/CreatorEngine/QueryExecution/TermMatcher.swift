/// One analysed term of free text: the creators with the term in any text field (name,
/// handle, bio, hashtags, captions), scored by weighted BM25 summed over the fields.
///
/// Each field's postings are decoded once per search (`PostingsCache`). BM25 is computed
/// only for the documents asked about, so a common word combined with selective filters
/// costs its decoding, not a score for each of its hundreds of thousands of creators. As a
/// set, the term is the union of its fields' bits; listing it one document at a time uses
/// the fields' union, merged on first need and shared by the search's plans.
final class TermMatcher: DocumentMatcher, ScoringLeaf {
    let term: String
    private let fields: [FieldTerm]
    /// The decoded postings of each field of `fields`, in the same order (they own the
    /// memory that `fieldDocuments` and `fieldFrequencies` view, read per document).
    private let postings: [PostingList]
    private let fieldDocuments: OwnedBuffer<UnsafeBufferPointer<UInt32>>
    private let fieldFrequencies: OwnedBuffer<UnsafeBufferPointer<UInt32>>
    private let fieldScorers: OwnedBuffer<FieldScorer>
    private let cache: PostingsCache
    /// Whether the term ranks documents itself (a phrase's words do not: the phrase does).
    private let isScoring: Bool
    private let documentCount: Int
    /// The union of the fields' documents, once merged (`nil` until listing or checking needs it).
    @exclusivity(unchecked) private var merged: SortedDocuments?
    /// Where the last `matches` and the last `score` left off in each field's postings
    /// (documents only move forward in each).
    private let matchCursors: UnsafeMutableBufferPointer<Int>
    private let fieldCursors: UnsafeMutableBufferPointer<Int>

    init(term: String, fields: [FieldTerm], cache: PostingsCache, bm25: BM25, documentCount: Int, isScoring: Bool = true) {
        var decoded: [PostingList] = []
        var total = 0
        for field in fields {
            let list = cache.postings(of: field)
            decoded.append(list)
            total += list.documents.count
        }
        self.term = term
        self.fields = fields
        postings = decoded
        fieldDocuments = OwnedBuffer(decoded.map(\.documents.buffer))
        fieldFrequencies = OwnedBuffer(decoded.map(\.frequencies.buffer))
        fieldScorers = OwnedBuffer(fields.map { $0.scorer(bm25: bm25) })
        self.cache = cache
        self.isScoring = isScoring
        self.documentCount = documentCount
        fieldCursors = .allocate(capacity: fields.count)
        fieldCursors.initialize(repeating: 0)
        matchCursors = .allocate(capacity: fields.count)
        matchCursors.initialize(repeating: 0)
        // Exact when the term is in one field; otherwise at most the sum (an estimate).
        super.init(estimate: min(total, documentCount))
    }

    deinit {
        fieldCursors.deallocate()
        matchCursors.deallocate()
    }

    /// The fields' union, merged once per search.
    private var documents: SortedDocuments {
        if let merged { return merged }
        let made: SortedDocuments = if postings.count == 1, let only = postings.first {
            only.documents
        } else {
            cache.list("term\u{0}" + term) { SortedDocuments.union(postings.map(\.documents)) }
        }
        merged = made
        return made
    }

    /// Listing costs reading every field's postings.
    override var iterationCost: Int { estimate }
    override func makeIterator() -> DocumentIterator { BufferIterator(documents) }

    /// Checked field by field (a cursor in each field's postings), so a term that is only
    /// checked never has its fields merged.
    override func matches(_ document: UInt32) -> Bool {
        var found = false
        for field in 0..<fieldDocuments.buffer.count {
            let documents = SortedDocuments(mapped: fieldDocuments.buffer[field])
            let position = documents.firstPosition(from: matchCursors[field], atLeast: document)
            matchCursors[field] = position
            if position < documents.count, documents[position] == document { found = true }
        }
        return found
    }

    override var canMakeSet: Bool { true }

    override func documentSet() -> DocumentSet? {
        var set = DocumentSet(documentCount: documentCount)
        for list in postings { set.insert(ascending: list.documents) }
        return set
    }

    /// The weighted BM25 summed over the fields that hold the term in `document`, in field
    /// order (the sum the brute-force reference in the tests computes too).
    override func score(_ document: UInt32) -> Double {
        guard isScoring else { return 0 }
        var total = 0.0
        for field in 0..<fieldDocuments.buffer.count {
            let documents = SortedDocuments(mapped: fieldDocuments.buffer[field])
            let position = documents.firstPosition(from: fieldCursors[field], atLeast: document)
            fieldCursors[field] = position
            guard position < documents.count, documents[position] == document else { continue }
            total += fieldScorers.buffer[field].score(frequency: fieldFrequencies.buffer[field][position], document: document)
        }
        return total
    }

    /// `score` for a batch: field by field, each field's cursor walking the whole batch, so
    /// each document's sum takes its fields in the same order as `score`'s.
    override func scores(of documents: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutableBufferPointer<Double>) {
        for index in documents.indices { scores[index] = 0 }
        guard isScoring else { return }
        for field in 0..<fieldDocuments.buffer.count {
            let postings = SortedDocuments(mapped: fieldDocuments.buffer[field])
            let frequencies = fieldFrequencies.buffer[field], scorer = fieldScorers.buffer[field]
            var position = fieldCursors[field]
            for index in documents.indices {
                let document = documents[index]
                position = postings.firstPosition(from: position, atLeast: document)
                guard position < postings.count, postings[position] == document else { continue }
                scores[index] += scorer.score(frequency: frequencies[position], document: document)
            }
            fieldCursors[field] = position
        }
    }

    /// Whether this is a phrase's word: the phrase, in the same AND, requires it at its
    /// position anyway, so a set may leave it out (`SetPlanning`).
    var isPhraseWord: Bool { !isScoring }

    var scoreLabel: String { "text \"\(term)\"" }
    var scoreKind: ScoreKind { .text }
    override var scoringLeaves: [ScoringLeaf] { isScoring ? [self] : [] }

    override var label: String {
        let fieldList = fields.map { "\($0.field.rawValue) \($0.info.documentFrequency)" }.joined(separator: ", ")
        let nowhere = isPhraseWord ? "in no field that holds every word of the phrase)" : "in no document)"
        return "term \"\(term)\"  (" + (fields.isEmpty ? nowhere : "≤ \(estimate) docs; per field: \(fieldList))")
    }
}
