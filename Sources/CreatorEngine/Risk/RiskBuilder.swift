import Foundation

/// Collects each added creator's `RiskSignals` while an index is built, then, when it is
/// written, computes the peer statistics over the live creators, judges every creator and
/// writes the risk sections:
///
/// - `risk.signals`: one `RiskSignals` record (56 bytes) per document, its peer group set;
/// - `risk.flags`: u16 `RiskFlags` per document; `risk.levels`: u8 (0 low, 1 medium, 2 high);
///   `risk.scores`: the f32 score 0–100 as a numeric column (`ColumnValues`: a few
///   thousand distinct scores, so two-byte codes);
/// - `risk.lists` (`ChunkedDocumentLists`): one list per flag (`RiskFlag.allCases` order),
///   then per level (low, medium, high);
/// - `risk.peers`: the `PeerTable` (groups, statistics, size lines, as-of day);
/// - `risk.blacklist`: u32 count · u32 0 · u32 documents (padded to 8) · string tables of
///   reasons, sources and dates (`since`), one entry per listed document.
struct RiskBuilder {
    private var signals: [RiskSignals] = []
    private var categoryOfSlot: [Int32] = []
    private var categoryIDs: [String: Int32] = [:]
    private var categoryNames: [String] = []
    private var blacklistings: [Int: Blacklisting] = [:]

    /// Lists in `risk.lists`: one per flag, then one per level.
    static let listCount = RiskFlag.allCases.count + RiskLevel.allCases.count

    mutating func add(_ risk: RiskSignals, primaryCategory: String?, blacklisting: Blacklisting?) {
        let slot = signals.count
        signals.append(risk)
        var categoryID: Int32 = -1
        if let primaryCategory, !primaryCategory.isEmpty {
            if let known = categoryIDs[primaryCategory] {
                categoryID = known
            } else {
                categoryID = Int32(categoryNames.count)
                categoryIDs[primaryCategory] = categoryID
                categoryNames.append(primaryCategory)
            }
        }
        categoryOfSlot.append(categoryID)
        if let blacklisting { blacklistings[slot] = blacklisting }
    }

    /// Writes the sections for documents `0..<slotOfDocument.count`; `columns` holds the
    /// values by slot of `RiskFeatures.columns`, in that order (NaN when unknown).
    mutating func write(to writer: IndexFileWriter, slotOfDocument: [UInt32], columns: [[Double]]) throws {
        precondition(columns.count == RiskFeatures.columns.count, "risk needs the columns of RiskFeatures.columns")
        let count = slotOfDocument.count
        func features(_ document: Int) -> RiskFeatures {
            let slot = Int(slotOfDocument[document])
            return RiskFeatures(signals: signals[slot]) { columns[$0][slot] }
        }
        let (peers, groupOfDocument) = PeerTable.build(
            count: count, features: features, category: { categoryOfSlot[Int(slotOfDocument[$0])] },
            categoryNames: categoryNames)
        for document in 0..<count { signals[Int(slotOfDocument[document])].peerGroup = groupOfDocument[document] }

        var flagBytes = ByteWriter(reservingCapacity: count * 2 + 8)
        var levelBytes = ByteWriter(reservingCapacity: count + 8)
        var scores: [Double] = []
        scores.reserveCapacity(count)
        var records = ByteWriter(reservingCapacity: count * RiskSignals.recordSize)
        var lists = [[UInt32]](repeating: [], count: Self.listCount)
        for document in 0..<count {
            let creator = features(document)
            let assessment = RiskRules.assess(creator, peers: peers)
            creator.signals.encode(into: &records)
            flagBytes.append(assessment.flags.rawValue)
            levelBytes.append(UInt8(Self.levelCode(assessment.level)))
            scores.append(Double(Float(assessment.score)))
            for flag in assessment.flags.flags { lists[flag.position].append(UInt32(document)) }
            lists[Self.listIndex(of: assessment.level)].append(UInt32(document))
        }
        signals = []
        categoryOfSlot = []
        flagBytes.align(to: 8)
        levelBytes.align(to: 8)
        try writer.addSection("risk.signals", records.bytes)
        try writer.addSection("risk.flags", flagBytes.bytes)
        try writer.addSection("risk.levels", levelBytes.bytes)
        try writer.addSection("risk.scores", ColumnValues.encode(scores))

        var listBytes = ByteWriter()
        ChunkedDocumentLists.encode(lists, documentCount: count, into: &listBytes)
        try writer.addSection("risk.lists", listBytes.bytes)

        var peerBytes = ByteWriter()
        peers.encode(into: &peerBytes)
        peerBytes.align(to: 8)
        try writer.addSection("risk.peers", peerBytes.bytes)

        var documentOfSlot: [Int: Int] = [:]
        for (document, slot) in slotOfDocument.enumerated() where blacklistings[Int(slot)] != nil {
            documentOfSlot[Int(slot)] = document
        }
        let listed = documentOfSlot.sorted { $0.value < $1.value }
        var blacklistBytes = ByteWriter()
        blacklistBytes.append(UInt32(listed.count))
        blacklistBytes.append(UInt32(0))
        blacklistBytes.appendArray(listed.map { UInt32($0.value) })
        blacklistBytes.align(to: 8)
        let entries = listed.compactMap { blacklistings[$0.key] }
        StringTable.encode(entries.map { $0.reason ?? "" }, into: &blacklistBytes)
        StringTable.encode(entries.map { $0.source ?? "" }, into: &blacklistBytes)
        StringTable.encode(entries.map { $0.since?.dateString ?? "" }, into: &blacklistBytes)
        blacklistings = [:]
        try writer.addSection("risk.blacklist", blacklistBytes.bytes)
    }

    static func levelCode(_ level: RiskLevel) -> Int { RiskLevel.allCases.firstIndex(of: level) ?? 0 }

    /// The list of a level in `risk.lists`: after the flags' lists.
    static func listIndex(of level: RiskLevel) -> Int { RiskFlag.allCases.count + levelCode(level) }
}
