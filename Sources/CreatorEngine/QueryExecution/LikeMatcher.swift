/// `like:` — creators whose lookalike vector is close to one of the named creators'
/// (cosine similarity at least `LookalikeVectors.matchThreshold`), the named creators
/// themselves excluded. Scores the best similarity. Listing its matches scans every
/// creator's vector with the quantised kernel; checking one computes one dot product.
final class LikeMatcher: DocumentMatcher, ScoringLeaf {
    private let vectors: LookalikeVectors
    private let references: [Int]
    private let description: String
    private let documentCount: Int

    init(vectors: LookalikeVectors, references: [Int], label: String, documentCount: Int) {
        self.vectors = vectors
        self.references = references
        description = label
        self.documentCount = documentCount
        super.init(estimate: Self.sampledEstimate(documentCount) { document in
            !references.contains(document) && references.contains { Self.isSimilar(vectors.similarity(document, $0)) }
        })
    }

    /// The threshold, compared in `Float` as the scan computes similarities.
    private static let threshold = Float(LookalikeVectors.matchThreshold)

    static func isSimilar(_ similarity: Double) -> Bool { Float(similarity) >= threshold }

    /// The best similarity of `document` to a named creator.
    private func similarity(_ document: Int) -> Double {
        references.reduce(-1) { max($0, vectors.similarity(document, $1)) }
    }

    /// A scan of every vector: cheaper per creator than checking through the plan.
    override var iterationCost: Int { documentCount / 8 }

    override func makeIterator() -> DocumentIterator {
        var best = [Float](repeating: -1, count: documentCount)
        var scores = [Float](repeating: -1, count: documentCount)
        for reference in references {
            vectors.similarities(to: reference, into: &scores)
            for document in 0..<documentCount where scores[document] > best[document] { best[document] = scores[document] }
        }
        let excluded = Set(references)
        var documents: [UInt32] = []
        for document in 0..<documentCount where best[document] >= Self.threshold && !excluded.contains(document) {
            documents.append(UInt32(document))
        }
        return BufferIterator(SortedDocuments(owned: documents))
    }

    override func matches(_ document: UInt32) -> Bool {
        !references.contains(Int(document)) && Self.isSimilar(similarity(Int(document)))
    }

    func score(_ document: UInt32) -> Double { max(0, similarity(Int(document))) }
    var scoreLabel: String { description }
    var scoreKind: ScoreKind { .similarity }
    override var scoringLeaves: [ScoringLeaf] { [self] }
    override var label: String { "\(description)  (≈ \(estimate) docs, similarity ≥ \(LookalikeVectors.matchThreshold))" }
}
