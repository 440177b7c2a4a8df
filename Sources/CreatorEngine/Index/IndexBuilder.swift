#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Builds one index generation: documents are added in dump order, then `finish` writes
/// every section. Not thread-safe: one merging thread owns it, while analysis runs on workers.
///
/// Each added document takes the next *slot*. A slot can later be marked dead (its record
/// was superseded by a newer duplicate); at `finish`, live slots are numbered 0..<n in
/// order, and those numbers are the documents of the index. The stored-document blocks are
/// streamed to the file as they come and keep dead slots' records (about the share of
/// duplicates in the dump); a chunk's records are grouped in its blocks, not in slot order
/// (`StoredBlock.Grouping`), so `store.slots` maps each document to its record's position
/// among all the blocks' records.
public final class IndexBuilder {
    private let writer: IndexFileWriter
    private var slotCount = 0
    private var live: [Bool] = []
    private var ids: [String] = []
    private var handles: [String] = []
    private let text: [TextFieldBuilder] = TextField.allCases.map { _ in TextFieldBuilder() }
    private var facets: [[String: [UInt32]]] = Facet.allCases.map { _ in [:] }
    private var columns: [[Double]] = NumericColumn.allCases.map { _ in [] }
    private var audience: [AudienceBuilder] = AudienceDimension.allCases.map { _ in AudienceBuilder() }
    private var sketches: [UInt16] = []
    private var risk = RiskBuilder()
    private var lookalike = LookalikeBuilder()
    /// Per stored block: section offset, compressed length, uncompressed length, CRC, first
    /// record, count.
    private var blockIndex = ByteWriter()
    private var storedRecords = 0
    /// Per slot: its record's position among the stored blocks' records.
    private var recordOfSlot: [UInt32] = []
    /// The zstd dictionary the stored blocks were compressed with (empty: none), written
    /// as `store.dictionary`.
    public var storeDictionary: [UInt8] = []

    public init(writer: IndexFileWriter) throws {
        self.writer = writer
        try writer.beginSection("store.blocks", large: true)
    }

    public var documentCount: Int { live.lazy.filter { $0 }.count }

    /// Adds a document and returns its slot.
    @discardableResult
    public func add(_ document: AnalyzedDocument) -> Int {
        let slot = slotCount
        slotCount += 1
        live.append(true)
        let profile = document.profile
        ids.append(profile.id)
        handles.append(profile.handle)
        for (index, fieldTerms) in document.fields.enumerated() {
            text[index].add(slot: UInt32(slot), fieldTerms)
        }
        func tag(_ facet: Facet, _ keys: [String]) {
            guard let index = Facet.allCases.firstIndex(of: facet) else { return }
            for key in keys where !key.isEmpty { facets[index][key, default: []].append(UInt32(slot)) }
        }
        tag(.platform, [profile.platform.rawValue])
        tag(.country, profile.country.map { [$0] } ?? [])
        tag(.language, Array(Set(profile.languages)))
        tag(.category, document.categories)
        tag(.hashtag, document.hashtags)
        tag(.tier, [profile.tier.rawValue])
        for (index, column) in NumericColumn.allCases.enumerated() {
            columns[index].append(column.value(of: profile) ?? .nan)
        }
        for (index, dimension) in AudienceDimension.allCases.enumerated() {
            audience[index].add(dimension.distribution(of: profile.audience))
        }
        sketches.append(contentsOf: document.sketch?.buckets
            ?? [UInt16](repeating: AudienceSketch.empty, count: AudienceSketch.bucketCount))
        risk.add(document.risk, primaryCategory: document.categories.first, blacklisting: profile.blacklisted)
        lookalike.add(document.lookalike)
        return slot
    }

    /// Marks a slot's record as superseded: it will not be part of the index.
    public func markDead(slot: Int) { live[slot] = false }

    /// Appends the stored blocks of the documents added last: the i-th of them is record
    /// `positions[i]` of the blocks.
    func appendStored(_ blocks: [StoredBlock], positions: [UInt32]) throws {
        precondition(recordOfSlot.count + positions.count == slotCount, "stored records for slots not added")
        precondition(blocks.reduce(0) { $0 + $1.documentCount } == positions.count, "blocks and positions disagree")
        for position in positions { recordOfSlot.append(UInt32(storedRecords) + position) }
        for block in blocks {
            blockIndex.append(UInt64(writer.sectionOffset))
            blockIndex.append(UInt32(block.compressed.count))
            blockIndex.append(UInt32(block.uncompressedSize))
            blockIndex.append(Checksum.crc32(block.compressed))
            blockIndex.append(UInt32(storedRecords))
            blockIndex.append(UInt32(block.documentCount))
            blockIndex.append(UInt32(0))
            storedRecords += block.documentCount
            try writer.append(block.compressed)
        }
    }

    /// Writes every section and the metadata, then completes the file.
    public func finish(meta: IndexMeta.BuildFacts) throws -> IndexMeta {
        precondition(storedRecords == slotCount, "stored blocks hold \(storedRecords) records, \(slotCount) slots were added")
        try writer.endSection()
        try writer.addSection("store.index", blockIndex.bytes)
        try writer.addSection("store.dictionary", storeDictionary)

        var documentOfSlot = [Int32](repeating: -1, count: slotCount)
        var slotOfDocument: [UInt32] = []
        for slot in 0..<slotCount where live[slot] {
            documentOfSlot[slot] = Int32(slotOfDocument.count)
            slotOfDocument.append(UInt32(slot))
        }
        let documentCount = slotOfDocument.count
        var section = ByteWriter()
        section.appendArray(slotOfDocument.map { recordOfSlot[Int($0)] })
        try writer.addSection("store.slots", section.bytes)

        // Two runs of sections are written at once: the text fields by a helper thread into a
        // spool file, and the per-document sections (risk, keys, columns, facets, audience,
        // sketches) by this thread into the index, which then copies the spool in after them.
        // They touch disjoint parts of the builder; the file is the same as if written in turn.
        // (This thread keeps the sections with large buffers, whose memory malloc reuses.)
        // Named `….partial`, so the next build removes it if this one is killed.
        let spoolPath = writer.path + ".text.partial"
        defer { _ = unlink(spoolPath) }
        let spool = try IndexFileWriter(path: spoolPath)
        let textJob = TextSpoolJob(builder: self, spool: spool, documentOfSlot: documentOfSlot)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { textJob.run() }
        let documentResult = Result { try writeDocumentSections(slotOfDocument: slotOfDocument, documentOfSlot: documentOfSlot) }
        group.wait()
        try documentResult.get()
        let (fields, visits) = try textJob.outcome.get()
        try writer.appendSections(of: spool)
        // The lookalike content sums (documents × dimensions) are allocated only now that the
        // per-document sections are released; the text job noted where each term's postings
        // went in the spool, and they are read back from it here, in the order written.
        lookalike.beginContent(documentCount: documentCount)
        try SpooledPostings.replay(visits, from: spoolPath) { visit, postings in
            lookalike.addPostings(field: TextField.allCases[Int(visit.field)], termHash: visit.termHash,
                                  documentFrequency: visit.documentFrequency, postings: postings)
        }
        try lookalike.write(slotOfDocument: slotOfDocument, to: writer)
        lookalike = LookalikeBuilder()

        let result = IndexMeta(formatVersion: Int(IndexFileFormat.version), documentCount: documentCount,
                               sketchBuckets: AudienceSketch.bucketCount, fields: fields, build: meta)
        try writer.addSection("meta", result.encoded())
        try writer.finish()
        return result
    }

    /// Writes the text fields' sections to `spool`, releasing each field once written;
    /// returns their facts and where the postings of terms in two documents or more went.
    fileprivate func spoolTextFields(to spool: IndexFileWriter, documentOfSlot: [Int32]) throws
        -> (fields: [IndexMeta.FieldFacts], visits: [SpooledPostings]) {
        var fields: [IndexMeta.FieldFacts] = []
        var visits: [SpooledPostings] = []
        for (index, field) in TextField.allCases.enumerated() {
            let (total, termCount) = try text[index].write(field: field, to: spool, documentOfSlot: documentOfSlot) {
                guard $1 >= 2 else { return }
                visits.append(SpooledPostings(field: UInt8(index), documentFrequency: $1, termHash: $0,
                                              offset: spool.fileOffset, length: $2.count))
            }
            text[index].releaseBuffers()
            fields.append(.init(name: field.rawValue, totalLength: total, termCount: termCount))
        }
        return (fields, visits)
    }

    /// The sections kept per document, in file order: risk, ids and handles, columns,
    /// facets, audience, the sketches and their overlap postings. Releases what it wrote.
    fileprivate func writeDocumentSections(slotOfDocument: [UInt32], documentOfSlot: [Int32]) throws {
        // Risk reads the columns, so it goes before they are written and released.
        try risk.write(to: writer, slotOfDocument: slotOfDocument, columns: RiskFeatures.columns.map { column in
            NumericColumn.allCases.firstIndex(of: column).map { columns[$0] } ?? []
        })

        try writeKeys(name: "ids", slotOfDocument.map { ids[Int($0)] }, sortKey: { $0 })
        ids = []
        try writeKeys(name: "handles", slotOfDocument.map { handles[Int($0)] }, sortKey: { $0.lowercased() })
        handles = []

        for (index, column) in NumericColumn.allCases.enumerated() {
            try writer.addSection("column.\(column.rawValue)", ColumnValues.encode(slotOfDocument.map { columns[index][Int($0)] }))
            columns[index] = []
        }

        for (index, facet) in Facet.allCases.enumerated() {
            let keys = facets[index].keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var bytes = ByteWriter()
            StringTable.encode(keys, into: &bytes)
            let lists = keys.map { key in
                (facets[index][key] ?? []).compactMap { slot in documentOfSlot[Int(slot)] >= 0 ? UInt32(documentOfSlot[Int(slot)]) : nil }
            }
            facets[index] = [:]
            ChunkedDocumentLists.encode(lists, documentCount: documentCount, into: &bytes)
            try writer.addSection("facet.\(facet.rawValue)", bytes.bytes)
        }

        for (index, dimension) in AudienceDimension.allCases.enumerated() {
            try audience[index].write(dimension: dimension, to: writer, slotOfDocument: slotOfDocument)
            audience[index] = AudienceBuilder()
        }

        try OverlapPostingsBuilder.write(sketches: sketches, slotOfDocument: slotOfDocument, to: writer)
        sketches = []
    }

    /// `name`: the strings by document (`StringTable`); `name.sorted`: documents ordered by
    /// `sortKey` of their string, for binary search.
    private func writeKeys(name: String, _ strings: [String], sortKey: (String) -> String) throws {
        var bytes = ByteWriter()
        StringTable.encode(strings, into: &bytes)
        try writer.addSection(name, bytes.bytes)
        let order = UTF8KeyOrder.sortedIndices(strings.map(sortKey))
        var sorted = ByteWriter()
        sorted.appendArray(order.map { UInt32($0) })
        try writer.addSection(name + ".sorted", sorted.bytes)
    }
}

/// `IndexBuilder.spoolTextFields` run on a helper thread during `finish`, while the
/// finishing thread writes the per-document sections. Unchecked: the builder is not
/// thread-safe, but the two threads use disjoint parts of it, and `finish` waits for the
/// job before reading `outcome` or touching the rest.
private final class TextSpoolJob: @unchecked Sendable {
    private let builder: IndexBuilder
    private let spool: IndexFileWriter
    private let documentOfSlot: [Int32]
    private(set) var outcome: Result<(fields: [IndexMeta.FieldFacts], visits: [SpooledPostings]), any Error>
        = .failure(IndexError.io("text fields not written"))

    init(builder: IndexBuilder, spool: IndexFileWriter, documentOfSlot: [Int32]) {
        self.builder = builder
        self.spool = spool
        self.documentOfSlot = documentOfSlot
    }

    func run() {
        outcome = Result { try builder.spoolTextFields(to: spool, documentOfSlot: documentOfSlot) }
    }
}

/// Where `finish` spooled one term's document postings (varint document delta, tf), for the
/// lookalike content sums (which skip terms in fewer than two documents).
fileprivate struct SpooledPostings {
    var field: UInt8
    var documentFrequency: UInt32
    var termHash: UInt64
    var offset: Int
    var length: Int
}

extension SpooledPostings {
    /// Reads each visit's postings back from the spool file, in order, through a window of
    /// a few MiB (the visits ascend through the file), and hands them to `body`.
    static func replay(_ visits: [SpooledPostings], from path: String,
                       _ body: (SpooledPostings, [UInt8]) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IndexError.io("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { _ = close(fd) }
        var window: [UInt8] = []
        var windowStart = 0
        for visit in visits {
            if visit.offset < windowStart || visit.offset + visit.length > windowStart + window.count {
                windowStart = visit.offset
                window = [UInt8](repeating: 0, count: max(8 << 20, visit.length))
                var filled = 0
                while filled < window.count {
                    let read = window.withUnsafeMutableBytes {
                        pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(windowStart + filled))
                    }
                    if read < 0 && errno == EINTR { continue }
                    guard read >= 0 else { throw IndexError.io("cannot read \(path): \(String(cString: strerror(errno)))") }
                    if read == 0 { break }
                    filled += read
                }
                guard filled >= visit.length else { throw IndexError.corrupt("\(path): spooled postings truncated") }
                window.removeLast(window.count - filled)
            }
            try body(visit, Array(window[(visit.offset - windowStart)..<(visit.offset - windowStart + visit.length)]))
        }
    }
}
