/// The positional part of a quoted phrase: its terms occur in one field at the right
/// distances from each other (as the query's own analysis placed them, so `#tag` and
/// `tag`, which share a position, both have to be there). The phrase's terms are required
/// by sibling `TermMatcher`s in the same AND, which list the candidates; this matcher only
/// checks positions and scores the phrase like one rare term.
final class PhraseMatcher: DocumentMatcher, ScoringLeaf {
    /// One field where every term of the phrase occurs somewhere.
    private struct FieldPhrase {
        let field: FieldTerm
        let cursors: [TermCursor]
        /// The sum of the terms' weighted IDFs, the phrase's weight in this field.
        let weightedIDF: Double
    }

    let text: String
    /// Each term's position relative to the phrase's first word.
    private let offsets: [UInt32]
    private let fieldPhrases: [FieldPhrase]
    private let bm25: BM25
    /// What this phrase was found to do, shared by the query's plans (the ranking plan
    /// reads what the matching plan found instead of reading positions again).
    private let known: PhraseCounts
    @exclusivity(unchecked) private var knownCursor = 0
    /// Reused for the positions of one document (all terms, one after another).
    @exclusivity(unchecked) private var positions: [UInt32] = []
    @exclusivity(unchecked) private var ends: [Int] = []
    @exclusivity(unchecked) private var counts: [UInt32] = []

    /// `terms`: the phrase's analysed terms with their positions relative to the first.
    init(text: String, terms: [(fields: [FieldTerm], offset: UInt32)], cache: PostingsCache, bm25: BM25) {
        self.text = text
        offsets = terms.map(\.offset)
        self.bm25 = bm25
        var phrases: [FieldPhrase] = []
        for field in TextField.allCases {
            let inField = terms.compactMap { term in term.fields.first { $0.field == field } }
            guard inField.count == terms.count, let first = inField.first else { continue }
            phrases.append(FieldPhrase(
                field: first,
                cursors: inField.map { TermCursor(reader: $0.reader, info: $0.info, postings: cache.postings(of: $0)) },
                weightedIDF: inField.reduce(0) { $0 + $1.weightedIDF }))
        }
        fieldPhrases = phrases
        known = cache.phraseCounts(text, fields: phrases.count)
        let smallest = phrases.map { $0.cursors.isEmpty ? 0 : Int(($0.field.info.documentFrequency)) }
        super.init(estimate: smallest.reduce(0, +))
    }

    override var checkCost: Int { 100 }

    override func matches(_ document: UInt32) -> Bool {
        occurrences(at: document).contains { $0 > 0 }
    }

    func score(_ document: UInt32) -> Double {
        let found = occurrences(at: document)
        var total = 0.0
        for (phrase, count) in zip(fieldPhrases, found) where count > 0 {
            total += phrase.field.score(frequency: count, document: document, bm25: bm25, idf: phrase.weightedIDF)
        }
        return total
    }

    /// How often the phrase occurs in each field of `document`.
    private func occurrences(at document: UInt32) -> ArraySlice<UInt32> {
        if let found = known.counts(of: document, cursor: &knownCursor) { return found }
        counts.removeAll(keepingCapacity: true)
        for phrase in fieldPhrases { counts.append(occurrences(of: phrase, at: document)) }
        known.record(document, counts)
        return counts[...]
    }

    /// Start positions `p` of the first term such that term `i` is at `p + offsets[i]`.
    private func occurrences(of phrase: FieldPhrase, at document: UInt32) -> UInt32 {
        for cursor in phrase.cursors where !cursor.advance(to: document) { return 0 }
        positions.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        for cursor in phrase.cursors {
            guard cursor.appendPositions(to: &positions) else { return 0 }
            ends.append(positions.count)
        }
        var found: UInt32 = 0
        // One forward pointer per later term: starts ascend, so wanted positions do too.
        var pointers = Array(ends.dropLast().map { $0 })
        starts: for start in 0..<ends[0] {
            for term in 1..<max(1, ends.count) {
                let wanted = positions[start] &+ offsets[term] &- offsets[0]
                while pointers[term - 1] < ends[term], positions[pointers[term - 1]] < wanted { pointers[term - 1] += 1 }
                if pointers[term - 1] == ends[term] || positions[pointers[term - 1]] != wanted { continue starts }
            }
            found += 1
        }
        return found
    }

    var scoreLabel: String { "phrase \"\(text)\"" }
    var scoreKind: ScoreKind { .text }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "positions of phrase \"\(text)\"  (in \(fieldPhrases.count) fields)" }
}
