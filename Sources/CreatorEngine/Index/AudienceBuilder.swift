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
    /// - `audience.<dim>.present`: u32 documents whose distribution is known, ascending;
    /// - `audience.<dim>.forward`: `u32 offsets[n+1]` · key ids, `u8` when the dimension has at
    ///   most 256 keys, `u16` up to 65,536, else `u32` (padded to 2) · `u16 shares`
    ///   (`AudienceShare` units), in the distribution's key order: every entry of every
    ///   distribution, so that `get` renders the audience from here (`StoredRecord`);
    /// - `audience.<dim>.inverted`: `u64 offsets[keys+1]` · `u32 documents` · `u16 shares`.
    func write(dimension: AudienceDimension, to writer: IndexFileWriter, slotOfDocument: [UInt32]) throws {
        let prefix = "audience.\(dimension.rawValue)"
        var keyBytes = ByteWriter()
        StringTable.encode(keys, into: &keyBytes)
        try writer.addSection(prefix + ".keys", keyBytes.bytes)

        var present: [UInt32] = []
        var offsets: [UInt32] = [0]
        var forwardKeys: [UInt32] = []
        var forwardShares: [UInt16] = []
        var invertedDocuments: [[UInt32]] = Array(repeating: [], count: keys.count)
        var invertedShares: [[UInt16]] = Array(repeating: [], count: keys.count)
        for (document, slot) in slotOfDocument.enumerated() {
            if let range = ranges[Int(slot)] {
                present.append(UInt32(document))
                for entry in range {
                    forwardKeys.append(entryKeys[entry])
                    forwardShares.append(entryShares[entry])
                    invertedDocuments[Int(entryKeys[entry])].append(UInt32(document))
                    invertedShares[Int(entryKeys[entry])].append(entryShares[entry])
                }
            }
            guard forwardKeys.count < Int(UInt32.max) else { throw IndexError.io("\(prefix): more than 2^32 audience entries") }
            offsets.append(UInt32(forwardKeys.count))
        }
        var presentBytes = ByteWriter()
        presentBytes.appendArray(present)
        try writer.addSection(prefix + ".present", presentBytes.bytes)

        var forward = ByteWriter()
        forward.appendArray(offsets)
        switch AudienceReader.keyWidth(keyCount: keys.count) {
        case 1: forward.appendArray(forwardKeys.map { UInt8(truncatingIfNeeded: $0) })
        case 2: forward.appendArray(forwardKeys.map { UInt16(truncatingIfNeeded: $0) })
        default: forward.appendArray(forwardKeys)
        }
        forward.align(to: 2)
        forward.appendArray(forwardShares)
        try writer.addSection(prefix + ".forward", forward.bytes)

        var inverted = ByteWriter()
        var invertedOffsets: [UInt64] = [0]
        for documents in invertedDocuments { invertedOffsets.append(invertedOffsets[invertedOffsets.count - 1] + UInt64(documents.count)) }
        inverted.appendArray(invertedOffsets)
        for documents in invertedDocuments { inverted.appendArray(documents) }
        for shares in invertedShares { inverted.appendArray(shares) }
        try writer.addSection(prefix + ".inverted", inverted.bytes)
    }
}
