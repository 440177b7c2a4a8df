/// `like:` — creators whose lookalike vector is close to one of the named creators'
/// (cosine similarity at least `LookalikeVectors.matchThreshold`, compared in `Float`),
/// the named creators themselves excluded. Scores the best similarity.
///
/// The similarities of every creator are computed once per query with the quantised
/// kernel (`LookalikeVectors.similarities`), so listing the matches is one pass over them
/// and checking or scoring a creator one array read.
final class LikeMatcher: DocumentMatcher, ScoringLeaf {
    private let description: String
    /// The best similarity of each document to a named creator.
    private let best: OwnedBuffer<Float>

    /// The threshold, in `Float` as the scan computes similarities.
    static let threshold = Float(LookalikeVectors.matchThreshold)

    init(vectors: LookalikeVectors, references: [Int], label: String, documentCount: Int, cache: PostingsCache) {
        description = label
        let best = cache.perDocument("like\u{0}" + references.map(String.init).joined(separator: ",")) {
            var best = [Float](repeating: -1, count: documentCount)
            var scores = [Float](repeating: -1, count: documentCount)
            for reference in references {
                vectors.similarities(to: reference, into: &scores)
                for document in 0..<documentCount where scores[document] > best[document] { best[document] = scores[document] }
            }
            // The named creators are not their own lookalikes.
            for reference in references { best[reference] = -1 }
            return best
        }
        self.best = best
        var matching = 0
        for document in 0..<documentCount where best.buffer[document] >= Self.threshold { matching += 1 }
        super.init(estimate: matching)
    }

    /// The scan is done (once per query); listing then costs a pass and the matches.
    override var iterationCost: Int { best.buffer.count / 8 + estimate }

    override func makeIterator() -> DocumentIterator {
        var documents: [UInt32] = []
        for document in 0..<best.buffer.count where best.buffer[document] >= Self.threshold { documents.append(UInt32(document)) }
        return BufferIterator(SortedDocuments(owned: documents))
    }

    override func matches(_ document: UInt32) -> Bool { best.buffer[Int(document)] >= Self.threshold }

    func score(_ document: UInt32) -> Double { Double(max(0, best.buffer[Int(document)])) }
    var scoreLabel: String { description }
    var scoreKind: ScoreKind { .similarity }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "\(description)  (\(estimate) docs with similarity ≥ \(LookalikeVectors.matchThreshold))" }
}
