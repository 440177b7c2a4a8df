/// `like:` — creators whose lookalike vector is close to one of the named creators'
/// (cosine similarity at least `LookalikeVectors.matchThreshold`, compared in `Float`),
/// the named creators themselves excluded. Scores the best similarity.
///
/// Two ways to compute similarities, with identical values: one scan of every creator per
/// named creator that keeps only the matches and their similarities
/// (`LookalikeVectors.similarities(to:atLeast:)`), shared by the search's plans, when all
/// matches must be listed; or dot products for just the creators asked about, when an AND
/// has already narrowed the candidates to a set (`documentSet(within:)`, their vectors
/// prefetched) or a creator outside the matches is scored. `like:@x country:BR lang:pt`
/// then costs its candidates, not a scan of the index.
final class LikeMatcher: DocumentMatcher, ScoringLeaf {
    private let description: String
    private let vectors: LookalikeVectors
    private let references: OwnedBuffer<Int>
    private let cache: PostingsCache
    private let key: String
    /// The matches and their best similarities, once scanned (in this plan or another
    /// plan of the same search).
    @exclusivity(unchecked) private var scanned: ScoredDocuments?
    /// The creators that passed a `documentSet(within:)` of this query's plans, with their
    /// best similarities, so that ranking them does not compute each dot product again.
    private let tested: TestedCandidates
    /// Where the last lookup in `scanned` (or else `tested`) left off (lookups mostly move forward).
    @exclusivity(unchecked) private var cursor = 0

    /// The threshold, in `Float` as the scan computes similarities.
    static let threshold = Float(LookalikeVectors.matchThreshold)

    /// Testing candidates beats the scan below this share of the index (a dot product per
    /// candidate, their vectors prefetched, against a memory-bound pass over every vector):
    /// on the 1M index about 15 ns a candidate against 2.1–2.8 ms for the two-step scan, so
    /// they break even near 15 % of the creators (C harness, 20 references, 6 Dec). With AVX2
    /// on a Zen 3 (7 Dec) a candidate costs 6–10 ns, yet a quarter instead of an eighth made
    /// queries with 20–22 % of the creators as candidates ×1.25 slower through the server:
    /// making the candidate set and ranking from it cost more than the gathered products save.
    private static let candidateShare = 8

    init(vectors: LookalikeVectors, references: [Int], label: String, cache: PostingsCache) {
        description = label
        self.vectors = vectors
        self.references = OwnedBuffer(references)
        self.cache = cache
        let key = "like\u{0}" + references.map(String.init).joined(separator: ",")
        self.key = key
        let scanned = cache.existingScored(key)
        self.scanned = scanned
        tested = cache.testedCandidates(key)
        let references = self.references
        super.init(estimate: scanned?.documents.count
            ?? Self.sampledEstimate(vectors.documentCount) { document in
                Self.computedSimilarity(UInt32(document), vectors: vectors, references: references) >= Self.threshold
            })
    }

    /// The best similarity of `document` to a named creator by dot products (−1 for the
    /// named creators themselves).
    @inline(__always) private static func computedSimilarity(_ document: UInt32, vectors: LookalikeVectors,
                                                             references: OwnedBuffer<Int>) -> Float {
        var best: Float = -1
        for reference in references.buffer {
            if reference == Int(document) { return -1 }
            best = max(best, vectors.scannedSimilarity(of: Int(document), to: reference))
        }
        return best
    }

    /// The best similarity of `document`: from the scan's matches when scanned, else from
    /// the candidates a `documentSet(within:)` found (a creator among neither is computed,
    /// since it may still be scored under an OR).
    private func similarity(_ document: UInt32) -> Float {
        guard let known = scanned ?? tested.passed else {
            return Self.computedSimilarity(document, vectors: vectors, references: references)
        }
        return similarity(document, known: known.documents, scores: known.scores.buffer, from: &cursor)
    }

    /// The best similarity of `document`: looked up among the `known` matches from `position`
    /// on (lookups mostly move forward; one behind it starts over), `position` left where the
    /// lookup stopped; computed when it is not among them.
    @inline(__always) private func similarity(_ document: UInt32, known: SortedDocuments, scores: UnsafeBufferPointer<Float>,
                                              from position: inout Int) -> Float {
        if position > 0, position <= known.count, known[position - 1] >= document { position = 0 }
        position = known.firstPosition(from: position, atLeast: document)
        if position < known.count, known[position] == document { return scores[position] }
        return Self.computedSimilarity(document, vectors: vectors, references: references)
    }

    /// The matches, by one scan per named creator (kept for the search).
    private func scan() -> ScoredDocuments {
        if let scanned { return scanned }
        let references = Array(self.references.buffer)
        let made = cache.scored(key) { [vectors] in
            // Per document, the best of the named creators' similarities at or above the
            // threshold (one below it for some named creator cannot raise a best that passes).
            var best: [UInt32: Float] = [:]
            var order: [UInt32] = []
            for reference in references {
                let found = vectors.similarities(to: reference, atLeast: Self.threshold)
                if references.count == 1 { return Self.excluding(references, found.documents, found.similarities) }
                for (document, similarity) in zip(found.documents, found.similarities) {
                    if let known = best[document] {
                        if similarity > known { best[document] = similarity }
                    } else {
                        best[document] = similarity
                        order.append(document)
                    }
                }
            }
            order.sort()
            return Self.excluding(references, order, order.map { best[$0] ?? -1 })
        }
        scanned = made
        cursor = 0
        return made
    }

    /// The named creators are not their own lookalikes. `documents` ascend, so each named
    /// creator is found by a binary search and removed with its score.
    private static func excluding(_ references: [Int], _ documents: [UInt32], _ scores: [Float]) -> (documents: [UInt32], scores: [Float]) {
        var documents = documents, scores = scores
        for reference in references where reference >= 0 && reference <= Int(UInt32.max) {
            let position = documents.withUnsafeBufferPointer {
                SortedDocuments(mapped: $0).firstPosition(from: 0, atLeast: UInt32(reference))
            }
            if position < documents.count, Int(documents[position]) == reference {
                documents.remove(at: position)
                scores.remove(at: position)
            }
        }
        return (documents, scores)
    }

    override var iterationCost: Int { scanned == nil ? vectors.documentCount / 8 + estimate : estimate }
    override func makeIterator() -> DocumentIterator { BufferIterator(scan().documents) }

    override func matches(_ document: UInt32) -> Bool { similarity(document) >= Self.threshold }

    override var canMakeSet: Bool { true }
    override var prefersCandidates: Bool { scanned == nil }

    override func documentSet() -> DocumentSet? {
        DocumentSet(documentCount: vectors.documentCount, documents: scan().documents.buffer)
    }

    override func documentSet(within candidates: DocumentSet) -> DocumentSet? {
        guard scanned == nil, candidates.count * Self.candidateShare < vectors.documentCount else {
            return super.documentSet(within: candidates)
        }
        let documents = candidates.documents
        var best = [Float](repeating: -1, count: documents.count), scores: [Float] = []
        documents.withUnsafeBufferPointer { documents in
            for reference in references.buffer {
                vectors.scannedSimilarities(of: documents, to: reference, into: &scores)
                for position in 0..<documents.count where scores[position] > best[position] { best[position] = scores[position] }
            }
        }
        var passing: [UInt32] = [], similarities: [Float] = []
        // The named creators are not their own lookalikes.
        for position in 0..<documents.count where best[position] >= Self.threshold && !references.buffer.contains(Int(documents[position])) {
            passing.append(documents[position])
            similarities.append(best[position])
        }
        let found = ScoredDocuments(documents: SortedDocuments(owned: passing), scores: OwnedBuffer(similarities))
        tested.passed = found
        cursor = 0
        return DocumentSet(documentCount: vectors.documentCount, documents: found.documents.buffer)
    }

    override func score(_ document: UInt32) -> Double { Double(max(0, similarity(document))) }

    /// `score` for a batch, taking the known matches once for the whole batch: looked up
    /// document by document, each lookup copied them (a retain and release of each buffer),
    /// an eighth of the time of a `like:` query that ranks 12,000 matches.
    override func scores(of documents: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutableBufferPointer<Double>) {
        guard let known = scanned ?? tested.passed else {
            super.scores(of: documents, into: scores)
            return
        }
        let knownDocuments = known.documents, knownScores = known.scores.buffer
        var position = cursor
        for index in documents.indices {
            let similarity = similarity(documents[index], known: knownDocuments, scores: knownScores, from: &position)
            scores[index] = Double(max(0, similarity))
        }
        cursor = position
    }

    var scoreLabel: String { description }
    var scoreKind: ScoreKind { .similarity }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "\(description)  (≈ \(estimate) docs with similarity ≥ \(LookalikeVectors.matchThreshold))" }
}
