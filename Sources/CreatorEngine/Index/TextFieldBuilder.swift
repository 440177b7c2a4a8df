/// The in-memory inverted index of one text field while a build runs. Postings are keyed
/// by build slot (see `IndexBuilder`) and varint-encoded as they arrive, so memory grows
/// with the postings' compressed size, not with the documents'.
final class TextFieldBuilder {
    private var vocabulary = TermTable()
    private var pool = ByteSlicePool()
    /// Per term: (slot delta, term frequency) varint pairs.
    private var postings: [ByteSlicePool.Stream] = []
    /// Per term: for each posting, its positions as varint deltas.
    private var positions: [ByteSlicePool.Stream] = []
    private var lastSlot: [UInt32] = []
    /// Scratch: the current document's term ids (negative and offset by one when new).
    private var ids: [Int32] = []
    /// Tokens per slot, saturated at `UInt16.max`.
    private(set) var lengths: [UInt16] = []

    func add(slot: UInt32, _ field: FieldTerms) {
        precondition(Int(slot) == lengths.count, "slots arrive in order")
        lengths.append(UInt16(min(field.length, UInt32(UInt16.max))))
        // First resolve every term (growing the per-term arrays), then write postings
        // through buffer pointers, free of per-byte copy-on-write checks.
        ids.removeAll(keepingCapacity: true)
        field.termBytes.withUnsafeBufferPointer { termBytes in
            field.termEnds.withUnsafeBufferPointer { termEnds in
                field.hashes.withUnsafeBufferPointer { hashes in
                    var start = 0
                    for term in 0..<hashes.count {
                        let end = Int(termEnds[term])
                        let (id, isNew) = vocabulary.id(hash: hashes[term], bytes: UnsafeBufferPointer(rebasing: termBytes[start..<end]))
                        start = end
                        if isNew {
                            postings.append(pool.newStream())
                            positions.append(pool.newStream())
                            lastSlot.append(slot)
                        }
                        ids.append(isNew ? -Int32(id) - 1 : Int32(id))
                    }
                }
            }
        }
        postings.withUnsafeMutableBufferPointer { postings in
            positions.withUnsafeMutableBufferPointer { positions in
                lastSlot.withUnsafeMutableBufferPointer { lastSlot in
                    Self.appendPostings(slot: slot, ids: ids, field: field, pool: pool,
                                        postings: postings, positions: positions, lastSlot: lastSlot)
                }
            }
        }
    }

    private static func appendPostings(slot: UInt32, ids: [Int32], field: FieldTerms, pool: ByteSlicePool,
                                       postings: UnsafeMutableBufferPointer<ByteSlicePool.Stream>,
                                       positions: UnsafeMutableBufferPointer<ByteSlicePool.Stream>,
                                       lastSlot: UnsafeMutableBufferPointer<UInt32>) {
        let positionValues = field.positionValues
        let positionEnds = field.positionEnds
        var start = 0
        for term in 0..<ids.count {
            let isNew = ids[term] < 0
            let id = isNew ? Int(-ids[term] - 1) : Int(ids[term])
            let end = Int(positionEnds[term])
            pool.appendVarint(isNew ? slot : slot - lastSlot[id], to: &postings[id])
            pool.appendVarint(UInt32(end - start), to: &postings[id])
            lastSlot[id] = slot
            var previous: UInt32 = 0
            for index in start..<end {
                let position = positionValues[index]
                pool.appendVarint(position - previous, to: &positions[id])
                previous = position
            }
            start = end
        }
    }

    /// Writes the field's sections with slots renumbered to documents (dead slots dropped),
    /// releasing each term's buffers once written.
    ///
    /// - `text.<field>.postings` (large): per term, its postings (document deltas, then term
    ///   frequencies: `PostingEncoding`) followed by its positions (per posting, `tf` varint deltas).
    /// - `text.<field>.terms`: the terms, sorted by UTF-8 bytes (`StringTable`), then one
    ///   20-byte `TermInfo` per term.
    /// - `text.<field>.lengths`: tokens per document, u8 when all fit, else u16 (`FieldLengths`).
    /// Returns the total tokens of live documents and the number of terms kept.
    /// `visitPostings` sees each kept term's hash, document frequency and encoded postings
    /// (`PostingEncoding`) as they are written (the lookalike vectors' content block).
    func write(field: TextField, to writer: IndexFileWriter, documentOfSlot: [Int32],
               visitPostings: (_ termHash: UInt64, _ documentFrequency: UInt32, _ postings: [UInt8]) -> Void = { _, _, _ in })
        throws -> (totalLength: UInt64, termCount: Int) {
        let order = vocabulary.idsInByteOrder()
        var keptTerms: [String] = []
        var infos = ByteWriter(reservingCapacity: vocabulary.count * TermInfo.size)
        try writer.beginSection("text.\(field.rawValue).postings", large: true)
        var docPostings = ByteWriter()
        var termDocuments: [UInt32] = [], termFrequencies: [UInt32] = []
        var docPositions: [UInt8] = []
        var slotPostings: [UInt8] = []
        var slotPositions: [UInt8] = []
        for id in order {
            docPostings.removeAll()
            termDocuments.removeAll(keepingCapacity: true)
            termFrequencies.removeAll(keepingCapacity: true)
            docPositions.removeAll(keepingCapacity: true)
            var slot: UInt32 = 0
            pool.read(postings[id], into: &slotPostings)
            pool.read(positions[id], into: &slotPositions)
            try slotPostings.withUnsafeBytes { postingBytes in
                try slotPositions.withUnsafeBytes { positionBytes in
                    var postingCursor = 0, positionCursor = 0
                    var first = true
                    while postingCursor < postingBytes.count {
                        let delta = try Self.varint(postingBytes, &postingCursor)
                        let frequency = try Self.varint(postingBytes, &postingCursor)
                        slot = first ? delta : slot + delta
                        first = false
                        let positionStart = positionCursor
                        for _ in 0..<frequency { _ = try Self.varint(positionBytes, &positionCursor) }
                        let document = documentOfSlot[Int(slot)]
                        guard document >= 0 else { continue }
                        let doc = UInt32(document)
                        termDocuments.append(doc)
                        termFrequencies.append(frequency)
                        docPositions.append(contentsOf: positionBytes[positionStart..<positionCursor])
                    }
                }
            }
            guard !termDocuments.isEmpty else { continue }
            let documentFrequency = UInt32(termDocuments.count)
            PostingEncoding.append(documents: termDocuments, frequencies: termFrequencies, to: &docPostings)
            visitPostings(vocabulary.hashes[id], documentFrequency, docPostings.bytes)
            let postingsOffset = writer.sectionOffset
            try writer.append(docPostings.bytes)
            try writer.append(docPositions)
            keptTerms.append(vocabulary.string(of: id))
            TermInfo(documentFrequency: documentFrequency, postingsOffset: UInt64(postingsOffset),
                     postingsLength: UInt32(docPostings.bytes.count), positionsLength: UInt32(docPositions.count))
                .encode(into: &infos)
        }
        try writer.endSection()

        var dictionary = ByteWriter()
        StringTable.encode(keptTerms, into: &dictionary)
        dictionary.append(contentsOf: infos.bytes)
        try writer.addSection("text.\(field.rawValue).terms", dictionary.bytes)

        var lengthColumn: [UInt16] = []
        lengthColumn.reserveCapacity(lengths.count)
        var total: UInt64 = 0
        for (slot, length) in lengths.enumerated() where documentOfSlot[slot] >= 0 {
            lengthColumn.append(length)
            total += UInt64(length)
        }
        try writer.addSection("text.\(field.rawValue).lengths", FieldLengths.encode(lengthColumn).bytes)
        return (total, keptTerms.count)
    }

    /// Drops the vocabulary, postings and lengths once `write` has run, so a build's finish
    /// holds one field's postings less for each field written.
    func releaseBuffers() {
        vocabulary = TermTable()
        pool = ByteSlicePool()
        postings = []
        positions = []
        lastSlot = []
        ids = []
        lengths = []
    }

    private static func varint(_ bytes: UnsafeRawBufferPointer, _ cursor: inout Int) throws -> UInt32 {
        guard let value = Varint.read(bytes, at: &cursor, end: bytes.count) else {
            throw IndexError.corrupt("in-memory postings truncated")
        }
        return value
    }
}

/// Where one term's postings live, and how many documents hold it.
/// Stored as 20 bytes: `documentFrequency u32 · postingsLength u32 · postingsOffset u64 ·
/// positionsLength u32` (read unaligned).
public struct TermInfo: Sendable, Equatable {
    public static let size = 20
    public var documentFrequency: UInt32
    /// Offset of the postings inside `text.<field>.postings`; the positions follow them.
    public var postingsOffset: UInt64
    public var postingsLength: UInt32
    public var positionsLength: UInt32

    func encode(into writer: inout ByteWriter) {
        writer.append(documentFrequency)
        writer.append(postingsLength)
        writer.append(postingsOffset)
        writer.append(positionsLength)
    }

    static func decode(_ view: ByteView, at offset: Int) throws -> TermInfo {
        TermInfo(documentFrequency: try view.load(UInt32.self, at: offset),
                 postingsOffset: try view.load(UInt64.self, at: offset + 8),
                 postingsLength: try view.load(UInt32.self, at: offset + 4),
                 positionsLength: try view.load(UInt32.self, at: offset + 16))
    }
}
