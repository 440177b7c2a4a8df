/// One analysed term of free text: the creators with the term in any text field (name,
/// handle, bio, hashtags, captions), scored by weighted BM25 summed over the fields.
///
/// The fields' postings are merged once, when the matcher is made, into one list of
/// documents with their summed scores, so that listing, checking and scoring a document
/// each touch a single array.
final class TermMatcher: DocumentMatcher, ScoringLeaf {
    let term: String
    private let fields: [FieldTerm]
    private let documents: SortedDocuments
    private let scores: OwnedBuffer<Double>
    /// Where the last `matches`/`score` left off (documents only move forward).
    @exclusivity(unchecked) private var cursor = 0
    /// Whether the term ranks documents itself (a phrase's words do not: the phrase does).
    private let isScoring: Bool
    private let documentCount: Int

    init(term: String, fields: [FieldTerm], cache: PostingsCache, bm25: BM25, documentCount: Int, isScoring: Bool = true) {
        let merged = cache.merged(term + (isScoring ? "" : "\u{0}unscored")) {
            if !isScoring {
                // A phrase's word only has to be present: its documents, no scores (and for a
                // term in one field, the decoded list itself).
                if fields.count == 1, let only = fields.first { return (cache.postings(of: only).documents, OwnedBuffer([])) }
                return (SortedDocuments(owned: Self.union(fields.map { cache.postings(of: $0).documents })), OwnedBuffer([]))
            }
            let lists = Self.merge(fields.map { ($0, cache.postings(of: $0)) }, bm25: bm25)
            return (SortedDocuments(owned: lists.documents), OwnedBuffer(lists.scores))
        }
        self.term = term
        self.fields = fields
        documents = merged.documents
        scores = merged.scores
        self.isScoring = isScoring
        self.documentCount = documentCount
        super.init(estimate: min(merged.documents.count, documentCount))
    }

    /// The union of sorted lists.
    private static func union(_ lists: [SortedDocuments]) -> [UInt32] {
        var documents: [UInt32] = []
        for list in lists {
            var merged: [UInt32] = []
            merged.reserveCapacity(documents.count + list.count)
            var left = 0, right = 0
            while left < documents.count || right < list.count {
                if right == list.count || (left < documents.count && documents[left] < list[right]) {
                    merged.append(documents[left]); left += 1
                } else if left == documents.count || list[right] < documents[left] {
                    merged.append(list[right]); right += 1
                } else {
                    merged.append(documents[left]); left += 1; right += 1
                }
            }
            documents = merged
        }
        return documents
    }

    /// The union of the fields' documents, each with the sum of its fields' BM25: the
    /// fields are merged in one at a time (two-pointer merges of sorted lists).
    private static func merge(_ lists: [(field: FieldTerm, postings: PostingList)], bm25: BM25)
        -> (documents: [UInt32], scores: [Double]) {
        var documents: [UInt32] = [], scores: [Double] = []
        for (field, postings) in lists {
            let incoming = postings.documents
            let frequencies = postings.frequencies.buffer
            var mergedDocuments: [UInt32] = [], mergedScores: [Double] = []
            mergedDocuments.reserveCapacity(documents.count + incoming.count)
            mergedScores.reserveCapacity(documents.count + incoming.count)
            var left = 0, right = 0
            while left < documents.count || right < incoming.count {
                let takeLeft = right == incoming.count || (left < documents.count && documents[left] <= incoming[right])
                let takeRight = left == documents.count || (right < incoming.count && incoming[right] <= documents[left])
                let document = takeLeft ? documents[left] : incoming[right]
                var score = 0.0
                if takeLeft { score += scores[left]; left += 1 }
                if takeRight {
                    score += field.score(frequency: frequencies[right], document: document, bm25: bm25)
                    right += 1
                }
                mergedDocuments.append(document)
                mergedScores.append(score)
            }
            documents = mergedDocuments
            scores = mergedScores
        }
        return (documents, scores)
    }

    override var iterationCost: Int { documents.count }
    override func makeIterator() -> DocumentIterator { BufferIterator(documents) }

    /// The position of `document` in the list, if there.
    @inline(__always) private func position(of document: UInt32) -> Int? {
        let found = documents.firstPosition(from: cursor, atLeast: document)
        cursor = found
        return found < documents.count && documents[found] == document ? found : nil
    }

    override func matches(_ document: UInt32) -> Bool { position(of: document) != nil }
    override var canMakeSet: Bool { true }
    override func documentSet() -> DocumentSet? { DocumentSet(documentCount: documentCount, documents: documents.buffer) }

    func score(_ document: UInt32) -> Double {
        guard isScoring else { return 0 }
        return position(of: document).map { scores.buffer[$0] } ?? 0
    }

    var scoreLabel: String { "text \"\(term)\"" }
    var scoreKind: ScoreKind { .text }
    override var scoringLeaves: [ScoringLeaf] { isScoring ? [self] : [] }

    override var label: String {
        let fieldList = fields.map { "\($0.field.rawValue) \($0.info.documentFrequency)" }.joined(separator: ", ")
        return "term \"\(term)\"  (" + (fields.isEmpty ? "in no document)" : "\(documents.count) docs; per field: \(fieldList))")
    }
}
