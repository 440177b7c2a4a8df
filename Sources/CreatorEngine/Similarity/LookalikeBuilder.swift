import CSimilarity
import Dispatch
import Foundation

/// Builds the `vector.lookalike` section and its coarse copy while an index is built (owned
/// by `IndexBuilder`, on the merging thread).
///
/// The profile blocks arrive with each document (`LookalikeFeatures`, computed on workers).
/// The content block needs every term's document frequency, known only once all documents
/// are in: while `IndexBuilder.finish` writes the text fields, each content term's postings
/// are added here (`addPostings`), weighted by `1 + ln tf` × `ln(N / df)` × the field's
/// weight, into the term's hashed dimension with the term's hashed sign (feature hashing,
/// so no vocabulary is kept). Terms held by a single creator are skipped: they match no
/// one and would only add hashing noise. Then `write` combines, normalises and quantises.
///
/// The summing (90M postings at 1M creators, random writes into a 96 MB table: 1.3–2 s) runs
/// on another thread (`ContentSums`), so the merging thread only copies each term's postings
/// into a batch and goes on writing the text sections; the vectors are then combined on
/// all cores.
struct LookalikeBuilder {
    /// Per slot, `LookalikeLayout.profileDimensions.count` values (`LookalikeFeatures`).
    private var features: [Int16] = []
    private var content: ContentSums?

    static let contentDimensions = LookalikeLayout.Block.content.dimensions.count

    /// How much a field's terms count in the content block; `nil` for fields left out (names
    /// and handles are personal, not topical).
    static func contentWeight(of field: TextField) -> Float? {
        switch field {
        case .bio, .hashtags: 1
        // Captions hold most of a creator's tokens (170 on average in the generated corpus
        // against 8 for bios): half weight keeps them from drowning the bio and hashtags.
        case .captions: 0.5
        case .name, .handle: nil
        }
    }

    mutating func add(_ features: LookalikeFeatures) {
        self.features.append(contentsOf: features.values)
    }

    /// Prepares the content sums for the documents the index will hold.
    mutating func beginContent(documentCount: Int) {
        content = ContentSums(documentCount: documentCount)
    }

    /// Adds one term's postings (documents, not slots), encoded as
    /// `TextFieldBuilder.write` encodes them.
    func addPostings(field: TextField, termHash: UInt64, documentFrequency: UInt32, postings: [UInt8]) {
        guard let content, let fieldWeight = Self.contentWeight(of: field), documentFrequency >= 2 else { return }
        let idf = Float(log(Double(content.documentCount) / Double(documentFrequency)))
        guard idf > 0 else { return }
        let sign: Float = termHash >> 63 == 0 ? 1 : -1
        content.add(dimension: Int(termHash % UInt64(Self.contentDimensions)), weight: sign * fieldWeight * idf,
                    count: Int(documentFrequency), postings: postings)
    }

    /// `1 + ln tf`, from a table for the common small counts.
    static func sublinear(_ frequency: UInt32) -> Float {
        frequency < UInt32(sublinearTable.count) ? sublinearTable[Int(frequency)] : 1 + Float(log(Double(frequency)))
    }

    static let sublinearTable: [Float] = (0..<64).map { $0 == 0 ? 0 : 1 + Float(log(Double($0))) }

    /// The vector of one document, unit length (before quantisation): its content sums
    /// normalised and weighted, then its profile blocks, the whole normalised.
    static func vector(contentSums: UnsafeBufferPointer<Float>, features: UnsafeBufferPointer<Int16>,
                       into vector: UnsafeMutableBufferPointer<Float>) {
        var contentSquares: Float = 0
        for value in contentSums { contentSquares += value * value }
        let contentScale = contentSquares > 0 ? Float(LookalikeLayout.Block.content.weight.squareRoot()) / contentSquares.squareRoot() : 0
        for index in contentSums.indices { vector[index] = contentSums[index] * contentScale }
        let start = LookalikeLayout.profileDimensions.lowerBound
        for index in features.indices { vector[start + index] = Float(features[index]) / LookalikeFeatures.scale }
        var squares: Float = 0
        for value in vector { squares += value * value }
        guard squares > 0 else { return }
        let scale = 1 / squares.squareRoot()
        for index in vector.indices { vector[index] *= scale }
    }

    static func vector(contentSums: UnsafeBufferPointer<Float>, features: UnsafeBufferPointer<Int16>) -> [Float] {
        var vector = [Float](repeating: 0, count: LookalikeLayout.dimensions)
        vector.withUnsafeMutableBufferPointer { Self.vector(contentSums: contentSums, features: features, into: $0) }
        return vector
    }

    /// Writes `vector.lookalike` and `vector.lookalike.coarse` for documents 0..<n
    /// (`slotOfDocument[doc]` is its slot).
    func write(slotOfDocument: [UInt32], to writer: IndexFileWriter) throws {
        let documentCount = slotOfDocument.count
        let sums = content?.finish() ?? []
        precondition(sums.count == documentCount * Self.contentDimensions, "beginContent(documentCount:) was not called for these documents")
        let dimensions = LookalikeLayout.dimensions
        var inverseNorms = [Float](repeating: 0, count: documentCount)
        var vectors = [Int8](repeating: 0, count: documentCount * dimensions)
        let parts = documentCount < 10_000 ? 1 : 16
        sums.withUnsafeBufferPointer { sums in
            features.withUnsafeBufferPointer { features in
                vectors.withUnsafeMutableBufferPointer { vectors in
                    inverseNorms.withUnsafeMutableBufferPointer { inverseNorms in
                        let buffers = VectorBuffers(sums: sums, features: features, vectors: vectors, inverseNorms: inverseNorms)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            buffers.fill(documents: (documentCount * part / parts)..<(documentCount * (part + 1) / parts),
                                         slotOfDocument: slotOfDocument)
                        }
                    }
                }
            }
        }
        try Self.writeVectors(vectors, inverseNorms: inverseNorms, to: writer)
        try Self.writeCoarse(vectors: vectors, documentCount: documentCount, to: writer)
    }

    /// `vector.lookalike`: u32 dimensions · u32 document count · f32 inverse norms[n]
    /// (padded to 8) · int8 vectors[n × dimensions] (see `LookalikeQuantizer`). The section
    /// is placed so that the vectors start on a cache line: the scan reads one vector per
    /// 64-byte load, and a load split over two lines made it about 12 % slower.
    static func writeVectors(_ vectors: [Int8], inverseNorms: [Float], to writer: IndexFileWriter) throws {
        precondition(vectors.count == inverseNorms.count * LookalikeLayout.dimensions)
        var header = ByteWriter(reservingCapacity: 8 + inverseNorms.count * 4 + 8)
        header.append(UInt32(LookalikeLayout.dimensions))
        header.append(UInt32(inverseNorms.count))
        header.appendArray(inverseNorms)
        header.align(to: 8)
        try writer.beginSection(LookalikeVectors.sectionName, aligning: header.bytes.count, to: IndexFileFormat.widestAlignment)
        try writer.append(header.bytes)
        try vectors.withUnsafeBytes { try writer.append($0) }
        try writer.endSection()
    }

    /// `vector.lookalike.grid`: u32 document count · i32 step · i32 residual scale · u32 0 ·
    /// i32 twice offsets[64] · u8 residual codes[n] (padded to 8) · codes[n × 32], starting
    /// on a cache line (`LookalikeCoarseGrid`, `csim_coarse_encode`). `like:` scans these
    /// half-size vectors first and reads the full ones only for the creators whose bound
    /// reaches the threshold (`LookalikeVectors.similarities(to:atLeast:)`).
    static func writeCoarse(vectors: [Int8], documentCount: Int, to writer: IndexFileWriter) throws {
        precondition(vectors.count == documentCount * LookalikeLayout.dimensions)
        let (grid, nibbles, codes) = vectors.withUnsafeBufferPointer { LookalikeCoarseGrid.fitted(to: $0) }
        var header = ByteWriter(reservingCapacity: 16 + 4 * LookalikeLayout.dimensions + documentCount + 8)
        header.append(UInt32(documentCount))
        header.append(grid.step)
        header.append(grid.residualScale)
        header.append(UInt32(0))
        for offset in grid.twiceOffsets { header.append(offset) }
        header.append(contentsOf: codes)
        header.align(to: 8)
        try writer.beginSection(LookalikeVectors.coarseSectionName, aligning: header.bytes.count, to: IndexFileFormat.widestAlignment)
        try writer.append(header.bytes)
        try writer.append(nibbles)
        try writer.endSection()
    }
}

/// The buffers `write` fills on all cores: every part reads the sums and features and writes
/// the vectors and inverse norms of its own documents only.
// @unchecked: parts write disjoint documents' elements, and the buffers outlive `concurrentPerform`.
private struct VectorBuffers: @unchecked Sendable {
    let sums: UnsafeBufferPointer<Float>
    let features: UnsafeBufferPointer<Int16>
    let vectors: UnsafeMutableBufferPointer<Int8>
    let inverseNorms: UnsafeMutableBufferPointer<Float>

    func fill(documents: Range<Int>, slotOfDocument: [UInt32]) {
        let dimensions = LookalikeLayout.dimensions
        let contentCount = LookalikeBuilder.contentDimensions
        let profileCount = LookalikeLayout.profileDimensions.count
        let scratch = UnsafeMutableBufferPointer<Float>.allocate(capacity: dimensions)
        scratch.initialize(repeating: 0)
        defer { scratch.deallocate() }
        for document in documents {
            let contentStart = document * contentCount
            let featureStart = Int(slotOfDocument[document]) * profileCount
            LookalikeBuilder.vector(contentSums: UnsafeBufferPointer(rebasing: sums[contentStart..<contentStart + contentCount]),
                                    features: UnsafeBufferPointer(rebasing: features[featureStart..<featureStart + profileCount]),
                                    into: scratch)
            inverseNorms[document] = LookalikeQuantizer.quantize(
                UnsafeBufferPointer(scratch), into: UnsafeMutableBufferPointer(rebasing: vectors[document * dimensions..<(document + 1) * dimensions]))
        }
    }
}

/// The content block's sums, accumulated on a serial queue of their own. The merging thread
/// hands over terms in batches of about 1 MB of postings, at most four batches in flight.
// @unchecked: `sums` is touched only on `queue` (and by `finish` after the queue has drained);
// `batch` only on the merging thread that calls `add` and `finish`.
final class ContentSums: @unchecked Sendable {
    let documentCount: Int
    private var sums: [Float]
    private var batch = Batch()
    private let queue = DispatchQueue(label: "creators.lookalike.content")
    private let inFlight = DispatchSemaphore(value: 4)

    private struct Batch: Sendable {
        var postings: [UInt8] = []
        /// Per term: its dimension, signed weight, postings count and where its postings end in `postings`.
        var terms: [(dimension: Int, weight: Float, count: Int, end: Int)] = []
    }

    init(documentCount: Int) {
        self.documentCount = documentCount
        sums = [Float](repeating: 0, count: documentCount * LookalikeBuilder.contentDimensions)
    }

    func add(dimension: Int, weight: Float, count: Int, postings: [UInt8]) {
        batch.postings.append(contentsOf: postings)
        batch.terms.append((dimension, weight, count, batch.postings.count))
        if batch.postings.count >= 1 << 20 { submit() }
    }

    private func submit() {
        guard !batch.terms.isEmpty else { return }
        let full = batch
        batch = Batch()
        inFlight.wait()
        queue.async {
            self.apply(full)
            self.inFlight.signal()
        }
    }

    /// Waits for every batch to be summed and hands over the sums.
    func finish() -> [Float] {
        submit()
        return queue.sync {
            let result = sums
            sums = []
            return result
        }
    }

    private func apply(_ batch: Batch) {
        let dimensions = LookalikeBuilder.contentDimensions
        let count = documentCount
        let largest = batch.terms.map(\.count).max() ?? 0
        var documents = [UInt32](repeating: 0, count: largest), frequencies = [UInt32](repeating: 0, count: largest)
        sums.withUnsafeMutableBufferPointer { sums in
            batch.postings.withUnsafeBytes { bytes in
                documents.withUnsafeMutableBufferPointer { documents in
                    frequencies.withUnsafeMutableBufferPointer { frequencies in
                        LookalikeBuilder.sublinearTable.withUnsafeBufferPointer { sublinear in
                            var start = 0
                            for term in batch.terms {
                                defer { start = term.end }
                                // A term whose postings do not decode (never, from the writer) adds nothing.
                                guard PostingEncoding.decode(UnsafeRawBufferPointer(rebasing: bytes[start..<term.end]), count: term.count,
                                                             documentLimit: UInt32(clamping: count),
                                                             documents: documents, frequencies: frequencies) else { continue }
                                for posting in 0..<term.count {
                                    let document = Int(documents[posting]), frequency = frequencies[posting]
                                    let tf = frequency < UInt32(sublinear.count) ? sublinear[Int(frequency)] : LookalikeBuilder.sublinear(frequency)
                                    sums[document * dimensions + term.dimension] += term.weight * tf
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
