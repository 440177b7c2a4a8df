/// Builds one index generation: documents are added in dump order, then `finish` writes
/// every section. Not thread-safe: one merging thread owns it, while analysis runs on workers.
///
/// Each added document takes the next *slot*. A slot can later be marked dead (its record
/// was superseded by a newer duplicate); at `finish`, live slots are numbered 0..<n in
/// order, and those numbers are the documents of the index. The stored-document blocks are
/// streamed to the file as they come and keep dead slots' JSON (about the share of
/// duplicates in the dump); `store.slots` maps each document to its slot.
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
    /// Per stored block: section offset, compressed length, uncompressed length, CRC, first slot, count.
    private var blockIndex = ByteWriter()
    private var storedSlots = 0
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

    /// Appends stored blocks covering the next slots in order (their documents must have
    /// been added, or be added, in the same order).
    public func appendStored(_ blocks: [StoredBlock]) throws {
        for block in blocks {
            blockIndex.append(UInt64(writer.sectionOffset))
            blockIndex.append(UInt32(block.compressed.count))
            blockIndex.append(UInt32(block.uncompressedSize))
            blockIndex.append(Checksum.crc32(block.compressed))
            blockIndex.append(UInt32(storedSlots))
            blockIndex.append(UInt32(block.documentCount))
            blockIndex.append(UInt32(0))
            storedSlots += block.documentCount
            try writer.append(block.compressed)
        }
    }

    /// Writes every section and the metadata, then completes the file.
    public func finish(meta: IndexMeta.BuildFacts) throws -> IndexMeta {
        precondition(storedSlots == slotCount, "stored blocks cover \(storedSlots) slots, \(slotCount) were added")
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
        section.appendArray(slotOfDocument)
        try writer.addSection("store.slots", section.bytes)

        // Risk reads the columns, so it goes before they are written and released.
        try risk.write(to: writer, slotOfDocument: slotOfDocument, columns: RiskFeatures.columns.map { column in
            NumericColumn.allCases.firstIndex(of: column).map { columns[$0] } ?? []
        })

        try writeKeys(name: "ids", slotOfDocument.map { ids[Int($0)] }, sortKey: { $0 })
        ids = []
        try writeKeys(name: "handles", slotOfDocument.map { handles[Int($0)] }, sortKey: { $0.lowercased() })
        handles = []

        for (index, column) in NumericColumn.allCases.enumerated() {
            var bytes = ByteWriter(reservingCapacity: documentCount * 8)
            bytes.appendArray(slotOfDocument.map { columns[index][Int($0)] })
            columns[index] = []
            try writer.addSection("column.\(column.rawValue)", bytes.bytes)
        }

        for (index, facet) in Facet.allCases.enumerated() {
            let keys = facets[index].keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var bytes = ByteWriter()
            StringTable.encode(keys, into: &bytes)
            var documents: [UInt32] = []
            var offsets: [UInt64] = [0]
            for key in keys {
                for slot in facets[index][key] ?? [] where documentOfSlot[Int(slot)] >= 0 {
                    documents.append(UInt32(documentOfSlot[Int(slot)]))
                }
                offsets.append(UInt64(documents.count))
            }
            facets[index] = [:]
            bytes.appendArray(offsets)
            bytes.appendArray(documents)
            try writer.addSection("facet.\(facet.rawValue)", bytes.bytes)
        }

        for (index, dimension) in AudienceDimension.allCases.enumerated() {
            try audience[index].write(dimension: dimension, to: writer, slotOfDocument: slotOfDocument)
            audience[index] = AudienceBuilder()
        }

        var sketchBytes = ByteWriter(reservingCapacity: documentCount * AudienceSketch.bucketCount * 2)
        for slot in slotOfDocument {
            let start = Int(slot) * AudienceSketch.bucketCount
            sketchBytes.appendArray(Array(sketches[start..<start + AudienceSketch.bucketCount]))
        }
        try writer.addSection("sketch.minhash", sketchBytes.bytes)
        sketchBytes = ByteWriter()
        try OverlapPostingsBuilder.write(sketches: sketches, slotOfDocument: slotOfDocument, to: writer)
        sketches = []

        var fields: [IndexMeta.FieldFacts] = []
        lookalike.beginContent(documentCount: documentCount)
        for (index, field) in TextField.allCases.enumerated() {
            let (total, termCount) = try text[index].write(field: field, to: writer, documentOfSlot: documentOfSlot) {
                lookalike.addPostings(field: field, termHash: $0, documentFrequency: $1, postings: $2)
            }
            fields.append(.init(name: field.rawValue, totalLength: total, termCount: termCount))
        }
        try lookalike.write(slotOfDocument: slotOfDocument, to: writer)
        lookalike = LookalikeBuilder()

        let result = IndexMeta(formatVersion: Int(IndexFileFormat.version), documentCount: documentCount,
                               sketchBuckets: AudienceSketch.bucketCount, fields: fields, build: meta)
        try writer.addSection("meta", result.encoded())
        try writer.finish()
        return result
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
