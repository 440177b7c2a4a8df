/// Collects one audience dimension's distributions while a build runs.
struct AudienceBuilder {
    private var keyIDs: [String: UInt32] = [:]
    private var keys: [String] = []
    /// Per slot: range into `entryKeys`/`entryShares`; `nil` when the distribution is unknown.
    private var ranges: [Range<Int>?] = []
    private var entryKeys: [UInt32] = []
    /// `AudienceShare` units.
    private var entryShares: [UInt16] = []

    mutating func add(_ distribution: Distribution?) {
        guard let distribution else {
            ranges.append(nil)
            return
        }
        let start = entryKeys.count
        for entry in distribution.entries {
            let id: UInt32
            if let known = keyIDs[entry.key] {
                id = known
            } else {
                id = UInt32(keys.count)
                keyIDs[entry.key] = id
                keys.append(entry.key)
            }
            entryKeys.append(id)
            entryShares.append(AudienceShare.units(entry.share))
        }
        ranges.append(start..<entryKeys.count)
    }

    /// Sections, for documents 0..<n (`slotOfDocument[doc]` is its slot):
    /// - `audience.<dim>.keys`: `StringTable`, in first-seen order (key ids index it);
    /// - `audience.<dim>.forward`: where each document's entries are, then the entries, in
    ///   the distribution's key order: every entry of every distribution, so that `get`
    ///   renders the audience from here (`StoredRecord`). A document's distribution is known
    ///   exactly when it has entries (ingest refuses an empty one):
    ///   `u32 groupStarts[(n + 15) / 16 + 1]` (the first entry of documents 0, 16, 32, …;
    ///   the last is the entry count) · `u8 counts[n]` (255: 255 or more) · padding to 4 ·
    ///   `u32 escapedCount` · `u32 escapedDocuments[]` (ascending) · `u32 escapedCounts[]`
    ///   (the counts of the documents marked 255) · key ids, `u8` when the dimension has at
    ///   most 256 keys, `u16` up to 65,536, else `u32` · padding to 2 · `u16 shares`
    ///   (`AudienceShare` units). A byte a document instead of four for an offset, and no
    ///   list of the known: 29 MB less at a million creators;
    /// - `audience.<dim>.inverted`: the documents of each key id (`ChunkedDocumentLists`) ·
    ///   `u16 shares` beside them.
    func write(dimension: AudienceDimension, to writer: IndexFileWriter, slotOfDocument: [UInt32]) throws {
        let prefix = "audience.\(dimension.rawValue)"
        var keyBytes = ByteWriter()
        StringTable.encode(keys, into: &keyBytes)
        try writer.addSection(prefix + ".keys", keyBytes.bytes)

        let documentCount = slotOfDocument.count
        var groupStarts: [UInt32] = []
        groupStarts.reserveCapacity(documentCount / AudienceReader.groupSize + 2)
        var counts: [UInt8] = []
        counts.reserveCapacity(documentCount)
        var escapedDocuments: [UInt32] = [], escapedCounts: [UInt32] = []
        var forwardKeys: [UInt32] = []
        var forwardShares: [UInt16] = []
        var invertedDocuments: [[UInt32]] = Array(repeating: [], count: keys.count)
        var invertedShares: [[UInt16]] = Array(repeating: [], count: keys.count)
        for (document, slot) in slotOfDocument.enumerated() {
            if document % AudienceReader.groupSize == 0 { groupStarts.append(UInt32(forwardKeys.count)) }
            let range = ranges[Int(slot)] ?? 0..<0
            if range.count >= Int(AudienceReader.escapedCount) {
                counts.append(AudienceReader.escapedCount)
                escapedDocuments.append(UInt32(document))
                escapedCounts.append(UInt32(range.count))
            } else {
                counts.append(UInt8(range.count))
            }
            for entry in range {
                forwardKeys.append(entryKeys[entry])
                forwardShares.append(entryShares[entry])
                invertedDocuments[Int(entryKeys[entry])].append(UInt32(document))
                invertedShares[Int(entryKeys[entry])].append(entryShares[entry])
            }
            guard forwardKeys.count < Int(UInt32.max) else { throw IndexError.io("\(prefix): more than 2^32 audience entries") }
        }
        groupStarts.append(UInt32(forwardKeys.count))

        var forward = ByteWriter()
        forward.appendArray(groupStarts)
        forward.appendArray(counts)
        forward.align(to: 4)
        forward.append(UInt32(escapedDocuments.count))
        forward.appendArray(escapedDocuments)
        forward.appendArray(escapedCounts)
        switch AudienceReader.keyWidth(keyCount: keys.count) {
        case 1: forward.appendArray(forwardKeys.map { UInt8(truncatingIfNeeded: $0) })
        case 2: forward.appendArray(forwardKeys.map { UInt16(truncatingIfNeeded: $0) })
        default: forward.appendArray(forwardKeys)
        }
        forward.align(to: 2)
        forward.appendArray(forwardShares)
        try writer.addSection(prefix + ".forward", forward.bytes)

        var inverted = ByteWriter()
        ChunkedDocumentLists.encode(invertedDocuments, documentCount: documentCount, into: &inverted)
        for shares in invertedShares { inverted.appendArray(shares) }
        try writer.addSection(prefix + ".inverted", inverted.bytes)
    }
}
