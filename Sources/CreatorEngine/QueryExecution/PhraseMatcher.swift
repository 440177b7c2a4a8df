/// The positional part of a quoted phrase: its terms occur in one field at the right
/// distances from each other (as the query's own analysis placed them, so `#tag` and
/// `tag`, which share a position, both have to be there). The phrase's terms are required
/// by sibling `TermMatcher`s in the same AND, which list the candidates; this matcher only
/// checks positions and scores the phrase like one rare term.
final class PhraseMatcher: DocumentMatcher, ScoringLeaf {
    let text: String
    /// Each term's position relative to the phrase's first word.
    private let offsets: OwnedBuffer<UInt32>
    /// Per field where every term of the phrase occurs somewhere: the field's first term
    /// (for BM25's length), the phrase's weight there (the terms' summed weighted IDFs),
    /// and where its cursors start in `cursors` (one per term, in phrase order).
    private let fields: [FieldTerm]
    private let weightedIDFs: [Double]
    /// Per field of `fields`: BM25 with the phrase's weight, as plain values.
    private let scorers: OwnedBuffer<FieldScorer>
    private let cursorStarts: [Int]
    // The cursors, read without reference counting per document; `ownedCursors` keeps them alive.
    private let ownedCursors: [TermCursor]
    private let cursors: OwnedBuffer<Unmanaged<TermCursor>>
    private let bm25: BM25
    /// What this phrase was found to do, shared by the query's plans (the ranking plan
    /// reads what the matching plan found instead of reading positions again).
    private let known: PhraseCounts
    @exclusivity(unchecked) private var knownCursor = 0
    /// Reused per document: the positions of all terms one after another, where each
    /// term's end, a forward pointer per later term, and the counts per field.
    @exclusivity(unchecked) private var positions = ScratchBuffer<UInt32>(capacity: 256)
    @exclusivity(unchecked) private var ends = ScratchBuffer<Int>()
    @exclusivity(unchecked) private var pointers = ScratchBuffer<Int>()
    @exclusivity(unchecked) private var counts = ScratchBuffer<UInt32>(capacity: TextField.allCases.count)

    /// `terms`: the phrase's analysed terms with their positions relative to the first.
    init(text: String, terms: [(fields: [FieldTerm], offset: UInt32)], cache: PostingsCache, bm25: BM25) {
        self.text = text
        offsets = OwnedBuffer(terms.map(\.offset))
        self.bm25 = bm25
        var fields: [FieldTerm] = [], weights: [Double] = [], starts: [Int] = [], cursors: [TermCursor] = []
        for field in TextField.allCases {
            let inField = terms.compactMap { term in term.fields.first { $0.field == field } }
            guard inField.count == terms.count, let first = inField.first else { continue }
            fields.append(first)
            weights.append(inField.reduce(0) { $0 + $1.weightedIDF })
            starts.append(cursors.count)
            cursors += inField.map { TermCursor(reader: $0.reader, info: $0.info, postings: cache.postings(of: $0)) }
        }
        self.fields = fields
        weightedIDFs = weights
        scorers = OwnedBuffer(zip(fields, weights).map { $0.scorer(idf: $1) })
        cursorStarts = starts
        ownedCursors = cursors
        self.cursors = OwnedBuffer(cursors.map { Unmanaged.passUnretained($0) })
        known = cache.phraseCounts(text, fields: fields.count)
        super.init(estimate: fields.reduce(0) { $0 + Int($1.info.documentFrequency) })
    }

    deinit {
        positions.deallocate()
        ends.deallocate()
        pointers.deallocate()
        counts.deallocate()
    }

    override var checkCost: Int { 100 }

    override func matches(_ document: UInt32) -> Bool {
        loadCounts(at: document)
        for index in 0..<counts.count where counts[index] > 0 { return true }
        return false
    }

    override func score(_ document: UInt32) -> Double {
        loadCounts(at: document)
        var total = 0.0
        for index in 0..<counts.count where counts[index] > 0 {
            total += scorers.buffer[index].score(frequency: counts[index], document: document, bm25: bm25)
        }
        return total
    }

    /// Sets `counts` to how often the phrase occurs in each field of `document`: read from
    /// what another plan of the search found, or from the positions (and recorded).
    private func loadCounts(at document: UInt32) {
        if known.copyCounts(of: document, cursor: &knownCursor, into: &counts) { return }
        counts.removeAll()
        for field in 0..<fields.count { counts.append(occurrences(inField: field, at: document)) }
        known.record(document, counts)
    }

    /// Start positions `p` of the first term such that term `i` is at `p + offsets[i]`.
    private func occurrences(inField field: Int, at document: UInt32) -> UInt32 {
        let terms = offsets.buffer.count
        let first = cursorStarts[field]
        let cursors = self.cursors.buffer
        for term in 0..<terms where !cursors[first + term]._withUnsafeGuaranteedRef({ $0.advance(to: document) }) { return 0 }
        // Local copies of the scratch buffers (they share storage), so the loops below keep
        // their state in registers; written back since appending may reallocate.
        var positions = self.positions, ends = self.ends, pointers = self.pointers
        defer { (self.positions, self.ends, self.pointers) = (positions, ends, pointers) }
        positions.removeAll()
        ends.removeAll()
        for term in 0..<terms {
            guard cursors[first + term]._withUnsafeGuaranteedRef({ $0.appendPositions(to: &positions) }) else { return 0 }
            ends.append(positions.count)
        }
        // One forward pointer per later term: starts ascend, so wanted positions do too.
        pointers.removeAll()
        for term in 0..<terms - 1 { pointers.append(ends[term]) }
        let offsets = self.offsets.buffer
        var found: UInt32 = 0
        starts: for start in 0..<ends[0] {
            for term in 1..<max(1, terms) {
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
    override var label: String { "positions of phrase \"\(text)\"  (in \(fields.count) fields)" }
}
