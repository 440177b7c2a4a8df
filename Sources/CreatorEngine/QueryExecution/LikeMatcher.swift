/// `like:` — creators whose lookalike vector is close to one of the named creators'
/// (cosine similarity at least `LookalikeVectors.matchThreshold`, compared in `Float`),
/// the named creators themselves excluded. Scores the best similarity.
///
/// Two ways to compute similarities, with identical values: one scan of every creator with
/// the quantised kernel (`LookalikeVectors.similarities`), kept for the query, when all
/// matches must be listed; or one dot product per creator asked about, when an AND has
/// already narrowed the candidates to a set (`documentSet(within:)`) or only a page is
/// scored. `like:@x country:BR lang:pt` then costs its candidates, not a scan of the index.
final class LikeMatcher: DocumentMatcher, ScoringLeaf {
    private let description: String
    private let vectors: LookalikeVectors
    private let references: OwnedBuffer<Int>
    private let cache: PostingsCache
    private let key: String
    /// Every document's best similarity, once a scan has computed it (in this plan or in
    /// another plan of the same query).
    @exclusivity(unchecked) private var scanned: OwnedBuffer<Float>?

    /// The threshold, in `Float` as the scan computes similarities.
    static let threshold = Float(LookalikeVectors.matchThreshold)

    /// Testing candidates beats the scan below this share of the index (a dot product per
    /// candidate, their vectors prefetched, against a memory-bound pass over every vector).
    private static let candidateShare = 16

    init(vectors: LookalikeVectors, references: [Int], label: String, cache: PostingsCache) {
        description = label
        self.vectors = vectors
        self.references = OwnedBuffer(references)
        self.cache = cache
        let key = "like\u{0}" + references.map(String.init).joined(separator: ",")
        self.key = key
        let scanned = cache.existingPerDocument(key)
        self.scanned = scanned
        let references = self.references
        super.init(estimate: scanned.map { Self.similar(cache: cache, key: key, scanned: $0).count }
            ?? Self.sampledEstimate(vectors.documentCount) { document in
                Self.similarity(UInt32(document), vectors: vectors, references: references, scanned: nil) >= Self.threshold
            })
    }

    /// The best similarity of `document` to a named creator (−1 for the named creators):
    /// read from the scan when there is one, else one dot product per named creator.
    @inline(__always) private static func similarity(_ document: UInt32, vectors: LookalikeVectors, references: OwnedBuffer<Int>,
                                                     scanned: OwnedBuffer<Float>?) -> Float {
        if let scanned { return scanned.buffer[Int(document)] }
        var best: Float = -1
        for reference in references.buffer {
            if reference == Int(document) { return -1 }
            best = max(best, vectors.scannedSimilarity(of: Int(document), to: reference))
        }
        return best
    }

    @inline(__always) private func similarity(_ document: UInt32) -> Float {
        Self.similarity(document, vectors: vectors, references: references, scanned: scanned)
    }

    /// Every document's similarity, by one scan per named creator (kept for the query).
    private func scan() -> OwnedBuffer<Float> {
        if let scanned { return scanned }
        let references = Array(self.references.buffer), documentCount = vectors.documentCount
        let made = cache.perDocument(key) { [vectors] in
            var best: [Float] = []  // sized and filled by the scan
            vectors.similarities(to: references[0], into: &best)
            if references.count > 1 {
                var scores = [Float](repeating: -1, count: documentCount)
                for reference in references.dropFirst() {
                    vectors.similarities(to: reference, into: &scores)
                    for document in 0..<documentCount where scores[document] > best[document] { best[document] = scores[document] }
                }
            }
            // The named creators are not their own lookalikes.
            for reference in references { best[reference] = -1 }
            return best
        }
        scanned = made
        return made
    }

    private func similarDocuments() -> SortedDocuments { Self.similar(cache: cache, key: key, scanned: scan()) }

    /// The documents at or above the threshold, listed once per search from the scan.
    private static func similar(cache: PostingsCache, key: String, scanned: OwnedBuffer<Float>) -> SortedDocuments {
        cache.list(key) {
            var documents: [UInt32] = []
            for document in 0..<scanned.buffer.count where scanned.buffer[document] >= threshold { documents.append(UInt32(document)) }
            return documents
        }
    }

    override var iterationCost: Int { scanned == nil ? vectors.documentCount / 8 + estimate : estimate }
    override func makeIterator() -> DocumentIterator { BufferIterator(similarDocuments()) }

    override func matches(_ document: UInt32) -> Bool { similarity(document) >= Self.threshold }

    override var canMakeSet: Bool { true }
    override var prefersCandidates: Bool { scanned == nil }

    override func documentSet() -> DocumentSet? {
        DocumentSet(documentCount: vectors.documentCount, documents: similarDocuments().buffer)
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
        var set = DocumentSet(documentCount: vectors.documentCount)
        for position in 0..<documents.count where best[position] >= Self.threshold {
            // The named creators are not their own lookalikes.
            if !references.buffer.contains(Int(documents[position])) { set.insert(documents[position]) }
        }
        return set
    }

    override func score(_ document: UInt32) -> Double { Double(max(0, similarity(document))) }
    var scoreLabel: String { description }
    var scoreKind: ScoreKind { .similarity }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "\(description)  (≈ \(estimate) docs with similarity ≥ \(LookalikeVectors.matchThreshold))" }
}
