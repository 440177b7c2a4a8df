/// The positional part of a quoted phrase: its terms occur in one field at the right
/// distances from each other (as the query's own analysis placed them, so `#tag` and
/// `tag`, which share a position, both have to be there). The phrase's terms are required
/// by sibling `TermMatcher`s in the same AND, which list the candidates; this matcher only
/// checks positions and scores the phrase like one rare term.
final class PhraseMatcher: DocumentMatcher, ScoringLeaf {
    /// One field where every term of the phrase occurs somewhere.
    private struct FieldPhrase {
        let terms: [FieldTerm]
        let cursors: [TermCursor]
        /// The sum of the terms' weighted IDFs, the phrase's weight in this field.
        let weightedIDF: Double
    }

    let text: String
    private let offsets: [UInt32]
    private let fieldPhrases: [FieldPhrase]
    private let bm25: BM25
    /// Phrase occurrences per field by document, shared by the query's plans (the ranking
    /// plan then reads what the matching plan found instead of reading positions again).
    private let known: PhraseCounts

    /// `terms`: the phrase's analysed terms with their positions relative to the first.
    init(text: String, terms: [(fields: [FieldTerm], offset: UInt32)], cache: PostingsCache, bm25: BM25) {
        self.text = text
        known = cache.phraseCounts(text)
        offsets = terms.map(\.offset)
        self.bm25 = bm25
        var phrases: [FieldPhrase] = []
        for field in TextField.allCases {
            let inField = terms.compactMap { term in term.fields.first { $0.field == field } }
            guard inField.count == terms.count else { continue }
            phrases.append(FieldPhrase(
                terms: inField, cursors: inField.map { TermCursor(reader: $0.reader, info: $0.info, postings: cache.postings(of: $0)) },
                weightedIDF: inField.reduce(0) { $0 + $1.weightedIDF }))
        }
        fieldPhrases = phrases
        let smallest = phrases.map { $0.terms.map { Int($0.info.documentFrequency) }.min() ?? 0 }
        super.init(estimate: smallest.reduce(0, +))
    }

    override var checkCost: Int { 100 }

    override func matches(_ document: UInt32) -> Bool {
        counts(at: document).contains { $0 > 0 }
    }

    func score(_ document: UInt32) -> Double {
        var total = 0.0
        for (phrase, count) in zip(fieldPhrases, counts(at: document)) where count > 0 {
            total += phrase.terms[0].score(frequency: count, document: document, bm25: bm25, idf: phrase.weightedIDF)
        }
        return total
    }

    /// How often the phrase occurs in each field of `document`.
    private func counts(at document: UInt32) -> [UInt32] {
        if let counts = known.byDocument[document] { return counts }
        let counts = fieldPhrases.map { phrase -> UInt32 in
            for cursor in phrase.cursors where !cursor.advance(to: document) { return 0 }
            return occurrences(of: phrase.cursors.map(\.positions))
        }
        known.byDocument[document] = counts
        return counts
    }

    /// Start positions `p` of the first term such that term `i` is at `p + offsets[i]`.
    private func occurrences(of positions: [[UInt32]]) -> UInt32 {
        var count: UInt32 = 0
        starts: for start in positions[0] {
            for index in 1..<positions.count {
                let wanted = start + offsets[index] - offsets[0]
                if !Self.contains(positions[index], wanted) { continue starts }
            }
            count += 1
        }
        return count
    }

    private static func contains(_ sorted: [UInt32], _ value: UInt32) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    var scoreLabel: String { "phrase \"\(text)\"" }
    var scoreKind: ScoreKind { .text }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "positions of phrase \"\(text)\"  (in \(fieldPhrases.count) fields)" }
}
