/// One analysed term of free text: the creators with the term in any text field (name,
/// handle, bio, hashtags, captions), scored by weighted BM25 summed over the fields.
final class TermMatcher: DocumentMatcher, ScoringLeaf {
    let term: String
    private let fields: [FieldTerm]
    private let cursors: [TermCursor]
    private let bm25: BM25
    /// Whether the term ranks documents itself (a phrase's words do not: the phrase does).
    private let isScoring: Bool

    init(term: String, fields: [FieldTerm], bm25: BM25, documentCount: Int, isScoring: Bool = true) {
        self.term = term
        self.fields = fields
        cursors = fields.map { TermCursor(reader: $0.reader, info: $0.info) }
        self.bm25 = bm25
        self.isScoring = isScoring
        let total = fields.reduce(0) { $0 + Int($1.info.documentFrequency) }
        super.init(estimate: min(total, documentCount))
    }

    override var iterationCost: Int { fields.reduce(0) { $0 + Int($1.info.documentFrequency) } }

    override func makeIterator() -> DocumentIterator {
        let lists = fields.map { TermCursorIterator(TermCursor(reader: $0.reader, info: $0.info)) }
        return lists.count == 1 ? lists[0] : UnionIterator(lists)
    }

    override func matches(_ document: UInt32) -> Bool {
        var found = false
        // Every cursor moves, so that `score` finds them all in place.
        for cursor in cursors where cursor.advance(to: document) { found = true }
        return found
    }

    func score(_ document: UInt32) -> Double {
        var total = 0.0
        for (cursor, field) in zip(cursors, fields) where cursor.advance(to: document) {
            total += field.score(frequency: cursor.frequency, document: document, bm25: bm25)
        }
        return total
    }

    var scoreLabel: String { "text \"\(term)\"" }
    var scoreKind: ScoreKind { .text }
    override var scoringLeaves: [ScoringLeaf] { isScoring ? [self] : [] }

    override var label: String {
        let fieldList = fields.map { "\($0.field.rawValue) \($0.info.documentFrequency)" }.joined(separator: ", ")
        return "term \"\(term)\"  (" + (fields.isEmpty ? "in no document)" : "docs per field: \(fieldList))")
    }
}
