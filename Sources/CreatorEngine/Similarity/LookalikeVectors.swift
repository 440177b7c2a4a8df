import CSimilarity

/// The lookalike vectors of an index (`vector.lookalike`, see `LookalikeLayout`): how similar
/// two creators are, and a fast scan of one creator against all.
///
/// Similarities are cosines of the stored int8 vectors (`LookalikeQuantizer`), computed as
/// `Float(dot) × inverseNorm[b] × inverseNorm[a]` and clamped to −1...1, by the same formula
/// in `similarity`, `similarities` and `nearest`, so a scan equals the per-pair calls exactly.
/// (`similarity(a, b)` and `similarity(b, a)` may differ in the last bit of a `Float`.)
public struct LookalikeVectors: @unchecked Sendable {
    // Views into the immutable mapping that the owning `CreatorIndex` keeps alive.

    /// Similarity at or above which `like:` counts a creator as similar to the reference.
    ///
    /// Calibrated on the generated 100k corpus (`docs/similarity.md`): 0.60 is passed by
    /// 0.55% of random pairs and 0.13% of pairs with another niche and country, but by 42% of
    /// pairs with the same main niche and country and by 77% of audience twins; `like:@x`
    /// alone then matches a median 0.4% of the corpus (394 of 100k; 93 to 1,353 for 80% of
    /// references), nearest first.
    public static let matchThreshold: Double = 0.60

    public static let sectionName = "vector.lookalike"
    /// The half-size copy `like:` scans first (`LookalikeBuilder.writeCoarse`), on a grid
    /// fitted to the vectors (`LookalikeCoarseGrid`). Optional: an index written before it
    /// existed scans its top-nibble copy, or else the full vectors, with the same results.
    public static let coarseSectionName = "vector.lookalike.grid"
    /// The first coarse copy (7 Dec), on `LookalikeCoarseGrid.topNibbles`: read in indexes
    /// written before `coarseSectionName`, no longer written.
    static let topNibbleSectionName = "vector.lookalike.coarse"

    public let documentCount: Int
    let inverseNorms: UnsafeBufferPointer<Float>
    let vectors: UnsafeBufferPointer<Int8>
    /// The coarse copy: per document, 32 bytes of codes on the grid, and one byte bounding
    /// what the rest can add.
    struct CoarseCopy {
        let grid: LookalikeCoarseGrid
        /// `grid` as the kernel takes it, made once.
        let cGrid: csim_coarse_grid
        let nibbles: UnsafeBufferPointer<UInt8>
        let residualCodes: UnsafeBufferPointer<UInt8>

        init(grid: LookalikeCoarseGrid, nibbles: UnsafeBufferPointer<UInt8>, residualCodes: UnsafeBufferPointer<UInt8>) {
            self.grid = grid
            cGrid = grid.cGrid
            self.nibbles = nibbles
            self.residualCodes = residualCodes
        }
    }
    let coarse: CoarseCopy?

    /// Whether `similarities(to:atLeast:)` scans the coarse copy first (indexes written
    /// before it existed have none).
    public var hasCoarseCopy: Bool { coarse != nil }

    init(file: IndexFile, documentCount: Int) throws {
        let section = try file.section(Self.sectionName)
        let dimensions = try section.load(UInt32.self, at: 0)
        let count = try section.load(UInt32.self, at: 4)
        guard Int(dimensions) == LookalikeLayout.dimensions, Int(count) == documentCount else {
            throw IndexError.corrupt("\(Self.sectionName): \(count) vectors of \(dimensions) dimensions, expected \(documentCount) of \(LookalikeLayout.dimensions)")
        }
        self.documentCount = documentCount
        inverseNorms = try section.floats(at: 8, count: documentCount)
        let vectorsStart = (8 + documentCount * 4 + 7) / 8 * 8
        vectors = try section.array(of: Int8.self, at: vectorsStart, count: documentCount * LookalikeLayout.dimensions)
        if file.hasSection(Self.coarseSectionName) {
            coarse = try Self.coarseCopy(file.section(Self.coarseSectionName), documentCount: documentCount)
        } else if file.hasSection(Self.topNibbleSectionName) {
            coarse = try Self.topNibbleCopy(file.section(Self.topNibbleSectionName), documentCount: documentCount)
        } else {
            coarse = nil
        }
    }

    /// `vector.lookalike.grid` (`LookalikeBuilder.writeCoarse`): u32 document count · i32
    /// step · i32 residual scale · u32 0 · i32 twice offsets[64] · then the copy.
    private static func coarseCopy(_ section: ByteView, documentCount: Int) throws -> CoarseCopy {
        let dimensions = LookalikeLayout.dimensions
        let grid = LookalikeCoarseGrid(step: try section.load(Int32.self, at: 4),
                                       twiceOffsets: try (0..<dimensions).map { try section.load(Int32.self, at: 16 + 4 * $0) },
                                       residualScale: try section.load(Int32.self, at: 8))
        guard grid.isValid else { throw IndexError.corrupt("\(coarseSectionName): the grid is out of range") }
        return try copy(in: section, named: coarseSectionName, on: grid, codesStart: 16 + 4 * dimensions, documentCount: documentCount)
    }

    /// `vector.lookalike.coarse`: u32 document count · u32 0 · then the copy, on
    /// `LookalikeCoarseGrid.topNibbles`.
    private static func topNibbleCopy(_ section: ByteView, documentCount: Int) throws -> CoarseCopy {
        try copy(in: section, named: topNibbleSectionName, on: .topNibbles, codesStart: 8, documentCount: documentCount)
    }

    /// What both coarse sections hold from `codesStart` on: u8 residual codes[n] (padded to
    /// 8) · codes[n × 32]; their first u32 is the document count.
    private static func copy(in section: ByteView, named name: String, on grid: LookalikeCoarseGrid, codesStart: Int,
                             documentCount: Int) throws -> CoarseCopy {
        guard Int(try section.load(UInt32.self, at: 0)) == documentCount else {
            throw IndexError.corrupt("\(name): not one entry per document")
        }
        let nibblesStart = (codesStart + documentCount + 7) / 8 * 8
        return CoarseCopy(grid: grid,
                          nibbles: try section.array(of: UInt8.self, at: nibblesStart, count: documentCount * LookalikeLayout.dimensions / 2),
                          residualCodes: try section.array(of: UInt8.self, at: codesStart, count: documentCount))
    }

    /// The stored int8 vector of a document.
    public func vector(of document: Int) -> UnsafeBufferPointer<Int8> {
        let dimensions = LookalikeLayout.dimensions
        return UnsafeBufferPointer(rebasing: vectors[document * dimensions..<(document + 1) * dimensions])
    }

    /// Cosine similarity in −1...1 of two documents' vectors.
    public func similarity(_ a: Int, _ b: Int) -> Double {
        precondition(a >= 0 && a < documentCount && b >= 0 && b < documentCount, "document out of range")
        let dot = csim_dot64(vector(of: b).baseAddress, vector(of: a).baseAddress)
        let value = Float(dot) * inverseNorms[b] * inverseNorms[a]
        return Double(max(-1, min(1, value)))
    }

    /// The similarity `similarities(to: reference, into:)` gives `document`, bit for bit, by
    /// one dot product: for scoring or testing a few candidates without a scan.
    public func scannedSimilarity(of document: Int, to reference: Int) -> Float {
        precondition(document >= 0 && document < documentCount && reference >= 0 && reference < documentCount,
                     "document out of range")
        let value = Float(csim_dot64(vector(of: document).baseAddress, vector(of: reference).baseAddress))
            * inverseNorms[document] * inverseNorms[reference]
        return max(-1, min(1, value))
    }

    /// The documents whose similarity to `reference` (as `similarities(to:into:)` computes
    /// it) is at least `minimum`, ascending, with those similarities: a full scan that
    /// keeps only what passes, so a query never writes and rereads a value per creator.
    /// With the coarse copy it reads half the bytes per creator, and the full vector only
    /// where an upper bound reaches `minimum` (about 2.5 % of creators at 0.60 on the 1M
    /// corpus), with the same result bit for bit (`docs/similarity.md`).
    public func similarities(to reference: Int, atLeast minimum: Float) -> (documents: [UInt32], similarities: [Float]) {
        similarities(to: reference, atLeast: minimum, parts: QueryThreads.parts(items: documentCount, minimumPerThread: 2 * Self.scanChunk))
    }

    /// `similarities(to:atLeast:)` with the documents split into `parts` ranges, scanned on
    /// as many threads; the result is the same for any number of parts (tested).
    func similarities(to reference: Int, atLeast minimum: Float, parts: Int) -> (documents: [UInt32], similarities: [Float]) {
        precondition(reference >= 0 && reference < documentCount, "document out of range")
        // Contiguous ranges starting at multiples of 16 documents (the kernels' step); each
        // part keeps its matches in order, so the parts joined in order are one scan's result.
        let bounds = (0...parts).map { part in part == parts ? documentCount : documentCount * part / parts / 16 * 16 }
        let found = QueryThreads.map(parts: parts) { part in
            similarities(to: reference, atLeast: minimum, in: bounds[part]..<bounds[part + 1])
        }
        return (found.flatMap(\.documents), found.flatMap(\.similarities))
    }

    /// Documents scanned per call of the kernels, into buffers that stay in cache.
    private static let scanChunk = 1 << 16

    /// `similarities(to:atLeast:)` over the documents of `range`, one thread.
    private func similarities(to reference: Int, atLeast minimum: Float, in range: Range<Int>)
        -> (documents: [UInt32], similarities: [Float]) {
        var documents: [UInt32] = [], similarities: [Float] = []
        guard let allVectors = vectors.baseAddress, let allNorms = inverseNorms.baseAddress else { return ([], []) }
        let chunk = Self.scanChunk
        // Written by the kernel before they are read (only what it kept is copied out).
        let chunkDocuments = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: chunk)
        let chunkScores = UnsafeMutableBufferPointer<Float>.allocate(capacity: chunk)
        defer {
            chunkDocuments.deallocate()
            chunkScores.deallocate()
        }
        let query = vector(of: reference)
        for start in stride(from: range.lowerBound, to: range.upperBound, by: chunk) {
            let count = min(chunk, range.upperBound - start)
            let kept: Int
            if let coarse, let nibbles = coarse.nibbles.baseAddress, let codes = coarse.residualCodes.baseAddress {
                var grid = coarse.cGrid
                kept = csim_scan64_coarse_above(&grid, nibbles + start * LookalikeLayout.dimensions / 2, codes + start,
                                                allVectors + start * LookalikeLayout.dimensions, allNorms + start, count,
                                                query.baseAddress, inverseNorms[reference], minimum, UInt32(start),
                                                chunkDocuments.baseAddress, chunkScores.baseAddress)
            } else {
                kept = csim_scan64_above(allVectors + start * LookalikeLayout.dimensions, allNorms + start,
                                         count, query.baseAddress, inverseNorms[reference], minimum, UInt32(start),
                                         chunkDocuments.baseAddress, chunkScores.baseAddress)
            }
            documents.append(contentsOf: chunkDocuments[..<kept])
            similarities.append(contentsOf: chunkScores[..<kept])
        }
        return (documents, similarities)
    }

    /// `scannedSimilarity(of: documents[i], to: reference)` for each i, into `scores` (resized
    /// to `documents.count`), with the next candidates' vectors prefetched: for a sparse set
    /// of candidates, several times faster than one call per candidate.
    public func scannedSimilarities(of documents: UnsafeBufferPointer<UInt32>, to reference: Int, into scores: inout [Float]) {
        precondition(reference >= 0 && reference < documentCount, "document out of range")
        precondition(documents.allSatisfy { Int($0) < documentCount }, "document out of range")
        if scores.count != documents.count { scores = [Float](repeating: 0, count: documents.count) }
        guard !documents.isEmpty else { return }
        let query = vector(of: reference)
        scores.withUnsafeMutableBufferPointer { out in
            csim_gather64(vectors.baseAddress, inverseNorms.baseAddress, documents.baseAddress, documents.count,
                          query.baseAddress, inverseNorms[reference], out.baseAddress)
        }
    }

    /// Similarity of `reference` to every document; fast full scan (the hot path when `like:`
    /// is the only clause). `scores` is resized to `documentCount` when it is not that size.
    public func similarities(to reference: Int, into scores: inout [Float]) {
        precondition(reference >= 0 && reference < documentCount, "document out of range")
        if scores.count != documentCount { scores = [Float](repeating: 0, count: documentCount) }
        guard documentCount > 0 else { return }
        let query = vector(of: reference)
        let scale = inverseNorms[reference]
        scores.withUnsafeMutableBufferPointer { out in
            csim_scan64(vectors.baseAddress, inverseNorms.baseAddress, documentCount, query.baseAddress, scale, out.baseAddress)
        }
    }

    /// Documents with similarity ≥ `minimum`, excluding `reference`, best first (ties by
    /// document), at most `limit`.
    public func nearest(to reference: Int, limit: Int, minimum: Double) -> [(document: Int, similarity: Double)] {
        precondition(reference >= 0 && reference < documentCount, "document out of range")
        guard limit > 0 else { return [] }
        var best = TopKCollector(capacity: limit)
        // The smallest Float whose Double is ≥ minimum, so the loop compares Floats only.
        var floor = Float(minimum)
        if Double(floor) < minimum { floor = floor.nextUp }
        // Scan a block at a time into a small buffer that stays in cache, instead of
        // writing and reading back a score for every document.
        let blockSize = 4096
        var block = [Float](repeating: 0, count: blockSize)
        let query = vector(of: reference)
        let scale = inverseNorms[reference]
        let dimensions = LookalikeLayout.dimensions
        block.withUnsafeMutableBufferPointer { block in
            for start in stride(from: 0, to: documentCount, by: blockSize) {
                let count = min(blockSize, documentCount - start)
                csim_scan64(vectors.baseAddress.map { $0 + start * dimensions }, inverseNorms.baseAddress.map { $0 + start },
                            count, query.baseAddress, scale, block.baseAddress)
                // Keys are Floats widened to Double, so narrowing the threshold back is exact.
                var cutoff = max(floor, best.threshold.map(Float.init) ?? floor)
                for offset in 0..<count where block[offset] >= cutoff && start + offset != reference {
                    best.offer(key: Double(block[offset]), document: UInt32(start + offset))
                    cutoff = max(floor, best.threshold.map(Float.init) ?? floor)
                }
            }
        }
        return best.sorted().map { (Int($0.document), $0.key) }
    }
}
