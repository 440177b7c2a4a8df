/// `like:` — creators whose lookalike vector is close to one of the named creators'
/// (cosine similarity at least `LookalikeVectors.matchThreshold`, compared in `Float`),
/// the named creators themselves excluded. Scores the best similarity.
///
/// The similarities of every creator are computed once per query with the quantised
/// kernel (`LookalikeVectors.similarities`), together with the list of those that pass,
/// so listing the matches reads that list and checking or scoring a creator is one read.
final class LikeMatcher: DocumentMatcher, ScoringLeaf {
    private let description: String
    /// The best similarity of each document to a named creator.
    private let best: OwnedBuffer<Float>
    private let similar: SortedDocuments

    /// The threshold, in `Float` as the scan computes similarities.
    static let threshold = Float(LookalikeVectors.matchThreshold)

    init(vectors: LookalikeVectors, references: [Int], label: String, documentCount: Int, cache: PostingsCache) {
        description = label
        let key = "like\u{0}" + references.map(String.init).joined(separator: ",")
        let best = cache.perDocument(key) {
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
        self.best = best
        similar = cache.list(key) {
            var documents: [UInt32] = []
            for document in 0..<best.buffer.count where best.buffer[document] >= Self.threshold { documents.append(UInt32(document)) }
            return documents
        }
        super.init(estimate: similar.count)
    }

    override var iterationCost: Int { similar.count }
    override func makeIterator() -> DocumentIterator { BufferIterator(similar) }

    override func matches(_ document: UInt32) -> Bool { best.buffer[Int(document)] >= Self.threshold }
    override var canMakeSet: Bool { true }
    override func documentSet() -> DocumentSet? { DocumentSet(documentCount: best.buffer.count, documents: similar.buffer) }

    func score(_ document: UInt32) -> Double { Double(max(0, best.buffer[Int(document)])) }
    var scoreLabel: String { description }
    var scoreKind: ScoreKind { .similarity }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "\(description)  (\(estimate) docs with similarity ≥ \(LookalikeVectors.matchThreshold))" }
}
