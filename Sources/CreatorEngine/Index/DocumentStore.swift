/// The stored display record of every creator (`StoredRecord`), in zstd-compressed blocks
/// (see `StoredBlock`), compressed with the dictionary in `store.dictionary` when that
/// section is not empty. `store.slots` gives each document's record position among the
/// blocks' records; `store.index` each block's first position and count.
public struct DocumentStore: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive.
    let blocks: ByteView
    let index: ByteView
    let blockCount: Int
    let recordOfDocument: UnsafeBufferPointer<UInt32>
    let dictionary: CompressionDictionary?
    static let entrySize = 32

    init(file: IndexFile, documentCount: Int) throws {
        blocks = try file.section("store.blocks")
        index = try file.section("store.index")
        blockCount = index.count / Self.entrySize
        recordOfDocument = try file.section("store.slots").array(of: UInt32.self, at: 0, count: documentCount)
        let dictionaryBytes = try file.section("store.dictionary")
        if dictionaryBytes.count == 0 {
            dictionary = nil
        } else {
            guard let prepared = CompressionDictionary(bytes: Array(dictionaryBytes.buffer), level: nil) else {
                throw IndexError.corrupt("\(dictionaryBytes.context): not a zstd dictionary")
            }
            dictionary = prepared
        }
    }

    /// The display JSON of a document, with what its record leaves to the index's other
    /// sections from `fields`; checks the block's CRC before decompressing it.
    /// Byte-identical to `StoredProfile.json` of the profile the build stored.
    func json(of document: Int, fields: some StoredRecordFields) throws -> [UInt8] {
        let record = recordOfDocument[document]
        // Binary search for the block whose first record is the largest not above `record`.
        var low = 0, high = blockCount
        while high - low > 1 {
            let middle = (low + high) / 2
            if try index.load(UInt32.self, at: middle * Self.entrySize + 20) <= record { low = middle } else { high = middle }
        }
        let entry = low * Self.entrySize
        let offset = Int(try index.load(UInt64.self, at: entry))
        let length = Int(try index.load(UInt32.self, at: entry + 8))
        let size = Int(try index.load(UInt32.self, at: entry + 12))
        let crc = try index.load(UInt32.self, at: entry + 16)
        let firstRecord = try index.load(UInt32.self, at: entry + 20)
        let count = try index.load(UInt32.self, at: entry + 24)
        guard record >= firstRecord, record - firstRecord < count else {
            throw IndexError.corrupt("\(index.context): no block holds record \(record)")
        }
        let compressed = try blocks.slice(offset, length)
        guard Checksum.crc32(compressed.buffer) == crc else { throw IndexError.corrupt("\(blocks.context): block \(low) checksum mismatch") }
        let raw = try BlockDecompressor.decompress(compressed.buffer, size: size, dictionary: dictionary)
        return try raw.withUnsafeBytes { buffer in
            let view = ByteView(base: buffer.baseAddress!, count: buffer.count, context: blocks.context)
            let position = Int(record - firstRecord)
            let start = Int(try view.load(UInt32.self, at: 4 + position * 4))
            let end = Int(try view.load(UInt32.self, at: 8 + position * 4))
            let dataStart = 4 + (Int(count) + 1) * 4
            guard start <= end else { throw IndexError.corrupt("\(blocks.context): bad document offsets") }
            return try StoredRecord.json(try view.slice(dataStart + start, end - start).buffer, fields: fields)
        }
    }
}

/// One creator's fields that its stored record leaves to the index (`StoredRecordFields`).
struct IndexedRecordFields: StoredRecordFields {
    let index: CreatorIndex
    let document: Int

    var id: String { index.id(of: document) }
    var handle: String { index.handle(of: document) }
    func value(of column: NumericColumn) -> Double { index.column(column)[document] }
    func audienceEntries(_ dimension: Int) throws -> [AudienceDisplay.Entry] {
        guard let named = AudienceDimension.allCases.dropFirst(dimension).first else { throw StoredRecord.damaged }
        return index.audience(named).displayEntries(of: document)
    }
}
