internal import CPostings
import Foundation

/// How a phrase finds its occurrences: document by document as candidates come, or all at
/// once (`cpost_phrase_occurrences`) when it expects many candidates, or those among a set's
/// candidates at once (the default chooses); tests force each way, and a split of the
/// all-at-once pass into a given number of parts (which otherwise depends on the rarest
/// word's postings and the cores), and compare them.
enum PhraseEvaluation: Sendable, Equatable {
    case automatic, perDocument, allAtOnce
    case allAtOnceInParts(Int)
    /// The candidates of a set that drives with no check before the phrase, counted at once
    /// (`cpost_phrase_occurrences_among`) whatever they cost; any other, one by one.
    case amongCandidates

    /// Whether the phrase may find all its occurrences in one pass over its words' postings.
    var passesAllPostings: Bool {
        switch self {
        case .automatic, .allAtOnce, .allAtOnceInParts: true
        case .perDocument, .amongCandidates: false
        }
    }
}

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
    /// Per field of `fields`: BM25 with the phrase's weight, as plain values.
    private let scorers: OwnedBuffer<FieldScorer>
    private let cursorStarts: [Int]
    /// Per field of `fields`, the phrase's terms from the fewest postings to the most (ties
    /// in phrase order): the order in which `occurrences` checks them.
    private let rarestFirst: OwnedBuffer<Int>
    // The cursors, read without reference counting per document; `ownedCursors` keeps them alive.
    private let ownedCursors: [TermCursor]
    private let cursors: OwnedBuffer<Unmanaged<TermCursor>>
    /// What this phrase was found to do, shared by the query's plans (the ranking plan
    /// reads what the matching plan found instead of reading positions again).
    private let known: PhraseCounts
    @exclusivity(unchecked) private var knownCursor = 0
    @exclusivity(unchecked) private var knownGeneration = 0
    /// Reused per document: one term's positions, the phrase starts still possible, and the
    /// counts per field.
    @exclusivity(unchecked) private var positions = ScratchBuffer<UInt32>(capacity: 256)
    @exclusivity(unchecked) private var starts = ScratchBuffer<Int>()
    @exclusivity(unchecked) private var counts = ScratchBuffer<UInt32>(capacity: TextField.allCases.count)

    private let documentCount: Int
    private let evaluation: PhraseEvaluation

    /// `terms`: the phrase's analysed terms with their positions relative to the first.
    init(text: String, terms: [(fields: [FieldTerm], offset: UInt32)], cache: PostingsCache, bm25: BM25, documentCount: Int,
         evaluation: PhraseEvaluation = .automatic) {
        self.text = text
        self.documentCount = documentCount
        self.evaluation = evaluation
        offsets = OwnedBuffer(terms.map(\.offset))
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
        scorers = OwnedBuffer(zip(fields, weights).map { $0.scorer(idf: $1, bm25: bm25) })
        cursorStarts = starts
        rarestFirst = OwnedBuffer(starts.flatMap { start in
            terms.indices.sorted { (cursors[start + $0].postingCount, $0) < (cursors[start + $1].postingCount, $1) }
        })
        ownedCursors = cursors
        self.cursors = OwnedBuffer(cursors.map { Unmanaged.passUnretained($0) })
        known = cache.phraseCounts(text, fields: fields.count)
        super.init(estimate: fields.reduce(0) { $0 + Int($1.info.documentFrequency) })
    }

    deinit {
        positions.deallocate()
        starts.deallocate()
        counts.deallocate()
    }

    override var checkCost: Int { 100 }

    /// Finds every occurrence at once (`findAll`) when checking the expected candidates one
    /// by one would cost more. Costs measured on the 1M corpus (6 Dec): a candidate costs
    /// about 100 ns per field of the phrase; the pass over all postings about half a
    /// nanosecond per byte of positions and 40 ns per posting of each field's rarest word
    /// and other word, divided by the threads it is split over. The candidates: the driver's
    /// documents that the cheaper checks before this one let through, each check assumed
    /// independent of the others. Left to check one by one, the documents of a set that
    /// drives with no check before this one are all checked at once instead (`findAmong`).
    override func expectCandidates(from driver: DocumentMatcher, earlierChecks: ArraySlice<DocumentMatcher>) {
        guard !known.isComplete, documentCount > 0 else { return }
        switch evaluation {
        case .perDocument: return
        case .allAtOnce, .allAtOnceInParts: return findAll()
        case .automatic: if prefersPass(candidates: driver.estimate, earlierChecks: earlierChecks) { return findAll() }
        case .amongCandidates: break
        }
        if earlierChecks.isEmpty, let set = (driver as? SetMatcher)?.set { findAmong(set) }
    }

    /// Whether the pass over every posting (`findAll`) is expected to cost less than checking
    /// the candidates one by one.
    private func prefersPass(candidates driverEstimate: Int, earlierChecks: ArraySlice<DocumentMatcher>) -> Bool {
        var candidates = Double(driverEstimate)
        for check in earlierChecks { candidates *= min(1, Double(check.estimate) / Double(documentCount)) }
        let terms = offsets.buffer.count
        var passCost = 0.0
        for field in fields.indices {
            let words = cursors(inField: field)
            // Split over threads (`findAll`), the pass takes that much less time.
            let rarest = words.map(\.postingCount).min() ?? 0
            let parts = Double(passParts(rarest: rarest))
            passCost += 0.5 * Double(words.reduce(0) { $0 + $1.positionByteCount }) / parts
            passCost += 40 * Double(max(terms - 1, 1)) * Double(rarest) / parts
        }
        return passCost < 100 * Double(fields.count) * candidates
    }

    /// Records in `known` how often the phrase occurs in each document of `set` (the
    /// candidates a set lists), field by field, with `cpost_phrase_occurrences_among`: one
    /// call over the candidates instead of one check per candidate. Each word's walk only
    /// moves forward, its positions passed as it goes, as in the pass over every posting.
    /// Leaves `known` as it was if some positions are damaged.
    private func findAmong(_ set: DocumentSet) {
        let owned = OwnedBuffer(set.documents), candidates = owned.buffer
        guard !candidates.isEmpty else { return }
        let byField = occurrencesByField(capacity: { _ in candidates.count }) { words, documents, counts in
            cpost_phrase_occurrences_among(words.baseAddress, words.count, candidates.baseAddress, candidates.count,
                                           documents.baseAddress, counts.baseAddress)
        }
        if let byField { known.record(candidates: owned, byField: byField) }
    }

    /// The cursors of the phrase's terms in field `field` of `fields`, in phrase order.
    private func cursors(inField field: Int) -> ArraySlice<TermCursor> {
        ownedCursors[cursorStarts[field]..<(cursorStarts[field] + offsets.buffer.count)]
    }

    /// The phrase's terms in field `field` as the kernels read them, in phrase order.
    private func phraseWords(inField field: Int) -> [cpost_phrase_word] {
        let offsets = self.offsets.buffer
        return zip(cursors(inField: field), offsets).map { cursor, offset in cursor.phraseWord(offset: offset) }
    }

    /// Finds every occurrence now, unless the phrase's evaluation keeps it from passing over
    /// every posting (`PhraseEvaluation.passesAllPostings`);
    /// whether its record is then complete (not when positions are damaged).
    func findAllOccurrences() -> Bool {
        if !known.isComplete, evaluation.passesAllPostings { findAll() }
        return known.isComplete
    }

    /// Records in `known` every document where the phrase occurs, field by field, with
    /// `cpost_phrase_occurrences` (one forward pass over the words' postings and positions);
    /// leaves `known` as it was if some positions are damaged, so that documents are then
    /// checked one by one (and a damaged one counts no occurrence).
    private func findAll() {
        // Room for every posting of the rarest word.
        let byField = occurrencesByField(capacity: { words in words.map(\.count).min() ?? 0 }) { words, documents, counts in
            Self.occurrences(of: Array(words), capacity: documents.count, parts: passParts(rarest: documents.count), into: documents, counts)
        }
        if let byField { known.complete(byField: byField) }
    }

    /// Per field of `fields`, the documents where the phrase occurs and how often, as `find`
    /// writes them (from the field's words, into room for `capacity(words)` of each; it
    /// returns how many, −1 for damaged positions), kept as they are; nil if some positions
    /// are damaged.
    private func occurrencesByField(
        capacity: ([cpost_phrase_word]) -> Int,
        _ find: (UnsafeBufferPointer<cpost_phrase_word>, UnsafeMutableBufferPointer<UInt32>, UnsafeMutableBufferPointer<UInt32>) -> Int
    ) -> [PhraseCounts.FieldOccurrences]? {
        var byField: [PhraseCounts.FieldOccurrences] = []
        for field in fields.indices {
            let words = phraseWords(inField: field)
            let room = capacity(words)
            let documents = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: room)
            let counts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: room)
            let found = words.withUnsafeBufferPointer { find($0, documents, counts) }
            guard found >= 0, found <= room else {  // −1 (SIZE_MAX): damaged positions
                documents.deallocate()
                counts.deallocate()
                return nil
            }
            // The record owns the first `found` as they are.
            byField.append((OwnedBuffer(adopting: UnsafeMutableBufferPointer(rebasing: documents[..<found])),
                            OwnedBuffer(adopting: UnsafeMutableBufferPointer(rebasing: counts[..<found]))))
        }
        return byField
    }

    /// Threads for the pass over a field whose rarest word has `rarest` postings (as many as
    /// a test forces, `PhraseEvaluation.allAtOnceInParts`).
    private func passParts(rarest: Int) -> Int {
        if case .allAtOnceInParts(let forced) = evaluation { return max(1, forced) }
        return QueryThreads.parts(items: rarest, minimumPerThread: 8_192)
    }

    /// The phrase's occurrences in one field (`cpost_phrase_occurrences_part`, one part the
    /// whole pass) into the first entries of `documents` and `counts` (room for `capacity`,
    /// the rarest word's postings), split over `parts` threads (the automatic
    /// evaluation splits when the rarest word has 16,384 postings or more, about 40 ns
    /// each): each part writes where its postings start, and the parts are then moved
    /// together. How many were found, −1 for damaged positions.
    private static func occurrences(of words: [cpost_phrase_word], capacity: Int, parts: Int,
                                    into documents: UnsafeMutableBufferPointer<UInt32>,
                                    _ counts: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let pass = SplitPhrasePass(words: words, capacity: capacity, parts: parts, documents: documents, counts: counts)
        return pass.joined(found: QueryThreads.map(parts: parts) { pass.run(part: $0) })
    }

    /// Once every occurrence is recorded, the phrase lists its documents from the record
    /// (an AND may then let it drive, `AndMatcher.makeIterator`); before, it cannot list.
    override var iterationCost: Int { known.isComplete ? known.completeDocuments.count : .max }
    override func makeIterator() -> DocumentIterator {
        known.isComplete ? BufferIterator(known.completeDocuments) : EmptyIterator()
    }

    override func matches(_ document: UInt32) -> Bool {
        // A complete record holds exactly the documents where the phrase occurs.
        if known.isComplete { return knownPosition(of: document) != nil }
        loadCounts(at: document)
        for index in 0..<counts.count where counts[index] > 0 { return true }
        return false
    }

    override func score(_ document: UInt32) -> Double {
        if known.isComplete {
            guard let position = knownPosition(of: document) else { return 0 }
            return score(document) { known.completeCount(at: position, field: $0) }
        }
        loadCounts(at: document)
        return score(document) { counts[$0] }
    }

    /// `score` for a batch, once the record is complete: the batch's places in the record
    /// first, asking for the field lengths of its matches as they are found, then a field at
    /// a time the sums. Read one by one, each length waited on its own cache miss: 44 % of
    /// the scoring of `"Review jujur"`, whose 48,684 matches are a line or more apart (perf,
    /// 7 Dec). Each sum takes its fields in `score`'s order, so the values are exactly
    /// `score`'s.
    override func scores(of documents: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutableBufferPointer<Double>) {
        guard known.isComplete else { return super.scores(of: documents, into: scores) }
        let scorers = self.scorers.buffer
        withUnsafeTemporaryAllocation(of: Int.self, capacity: documents.count) { places in
            for index in documents.indices {
                let place = knownPosition(of: documents[index]) ?? -1
                if place >= 0 { for scorer in scorers { scorer.prefetch(documents[index]) } }
                places[index] = place
                scores[index] = 0
            }
            for field in 0..<scorers.count {
                let scorer = scorers[field]
                for index in documents.indices where places[index] >= 0 {
                    let frequency = known.completeCount(at: places[index], field: field)
                    if frequency > 0 { scores[index] += scorer.score(frequency: frequency, document: documents[index]) }
                }
            }
        }
    }

    /// The phrase's BM25 summed over the fields where it occurs, `count(field)` times.
    @inline(__always) private func score(_ document: UInt32, count: (Int) -> UInt32) -> Double {
        var total = 0.0
        for field in 0..<fields.count {
            let frequency = count(field)
            if frequency > 0 { total += scorers.buffer[field].score(frequency: frequency, document: document) }
        }
        return total
    }

    /// Where `document` is in the complete record, nil when the phrase does not occur in it.
    @inline(__always) private func knownPosition(of document: UInt32) -> Int? {
        if knownGeneration != known.generation { (knownCursor, knownGeneration) = (0, known.generation) }
        return known.completePosition(of: document, cursor: &knownCursor)
    }

    /// Sets `counts` to how often the phrase occurs in each field of `document`, before the
    /// record is complete: read from what another plan of the search found, or from the
    /// positions (and recorded).
    private func loadCounts(at document: UInt32) {
        if knownGeneration != known.generation { (knownCursor, knownGeneration) = (0, known.generation) }
        if known.copyCounts(of: document, cursor: &knownCursor, into: &counts) { return }
        counts.removeAll()
        for field in 0..<fields.count { counts.append(occurrences(inField: field, at: document)) }
        known.record(document, counts)
    }

    /// Start positions `p` such that every term `i` is at `p + offsets[i]`. Candidates come
    /// from the field's rarest word, and each further word (rarer first) keeps those it
    /// continues. A word's cursor moves to the document only when starts remain for it to
    /// check: a common word (`for` in `"Trying music for"`) is passed over, postings and
    /// positions, wherever the rarer words already rule the phrase out.
    private func occurrences(inField field: Int, at document: UInt32) -> UInt32 {
        let terms = offsets.buffer.count
        guard terms > 0 else { return 0 }
        let first = cursorStarts[field]
        let cursors = self.cursors.buffer, order = rarestFirst.buffer[(field * terms)..<(field * terms + terms)]
        // Local copies of the scratch buffers (they share storage), so the loops below keep
        // their state in registers; written back since appending may reallocate.
        var positions = self.positions, starts = self.starts
        defer { (self.positions, self.starts) = (positions, starts) }
        let offsets = self.offsets.buffer
        let leading = order[order.startIndex], leadingOffset = Int(offsets[leading])
        starts.removeAll()
        positions.removeAll()
        guard cursors[first + leading]._withUnsafeGuaranteedRef({ $0.advance(to: document) && $0.appendPositions(to: &positions) }) else {
            return 0
        }
        // A start before 0 would put the phrase's first word before the field's.
        for index in 0..<positions.count where Int(positions[index]) >= leadingOffset {
            starts.append(Int(positions[index]) - leadingOffset)
        }
        // Each further word keeps the starts it continues, reading its positions as it goes.
        for term in order.dropFirst() where starts.count > 0 {
            let kept = cursors[first + term]._withUnsafeGuaranteedRef {
                $0.advance(to: document) && $0.keepStarts(&starts, offset: Int(offsets[term]))
            }
            guard kept else { return 0 }
        }
        return UInt32(starts.count)
    }

    var scoreLabel: String { "phrase \"\(text)\"" }
    var scoreKind: ScoreKind { .text }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "positions of phrase \"\(text)\"  (in \(fields.count) fields)" }
}

/// One phrase's occurrences in one field, found by parts on several threads
/// (`cpost_phrase_occurrences_part`), each part into the outputs from where its postings start.
// @unchecked: the words and outputs outlive the parts' threads, and each part writes only its
// own range of the outputs.
private final class SplitPhrasePass: @unchecked Sendable {
    private let words: [cpost_phrase_word]
    private let parts: Int
    private let starts: [Int]
    private let documents: UnsafeMutableBufferPointer<UInt32>
    private let counts: UnsafeMutableBufferPointer<UInt32>

    init(words: [cpost_phrase_word], capacity: Int, parts: Int,
         documents: UnsafeMutableBufferPointer<UInt32>, counts: UnsafeMutableBufferPointer<UInt32>) {
        self.words = words
        self.parts = parts
        starts = (0...parts).map { cpost_phrase_part_start(capacity, $0, parts) }
        self.documents = documents
        self.counts = counts
    }

    /// How many occurrences part `part` found, −1 for damaged positions.
    func run(part: Int) -> Int {
        let start = starts[part]
        return words.withUnsafeBufferPointer { words in
            cpost_phrase_occurrences_part(words.baseAddress, words.count, part, parts,
                                          documents.baseAddress.map { $0 + start }, counts.baseAddress.map { $0 + start })
        }
    }

    /// Moves the parts' results (`found` of each) together at the start of the outputs; how
    /// many in all, −1 when a part found damaged positions.
    func joined(found: [Int]) -> Int {
        var total = 0
        for part in 0..<parts {
            let count = found[part], start = starts[part]
            guard count >= 0, count <= starts[part + 1] - start else { return -1 }
            if total != start, count > 0, let documents = documents.baseAddress, let counts = counts.baseAddress {
                // The ranges may overlap (memmove); a part's results never move right.
                memmove(documents + total, documents + start, count * MemoryLayout<UInt32>.stride)
                memmove(counts + total, counts + start, count * MemoryLayout<UInt32>.stride)
            }
            total += count
        }
        return total
    }
}
