/// Reads an index's risk sections (see `RiskBuilder`): each creator's level, score and
/// flags, the creators at a level or with a flag, and a report with the evidence.
// @unchecked: views into the immutable mapping that the owning `CreatorIndex` keeps alive.
public struct RiskReader: @unchecked Sendable {
    public let documentCount: Int
    /// The peer groups and their statistics, the size lines and the as-of day.
    public let peers: PeerTable
    let flagValues: UnsafeBufferPointer<UInt16>
    let levelValues: UnsafeBufferPointer<UInt8>
    /// Each creator's score as the `Float` the build computed, widened exactly.
    let scoreValues: ColumnValues
    let lists: ChunkedDocumentLists.Reader
    let records: ByteView
    let columns: [ColumnValues]
    let blacklisted: UnsafeBufferPointer<UInt32>
    let blacklistReasons: StringTable.Reader
    let blacklistSources: StringTable.Reader
    let blacklistDates: StringTable.Reader

    init(file: IndexFile, documentCount count: Int) throws {
        documentCount = count
        peers = try PeerTable(view: try file.section("risk.peers"))
        flagValues = try file.section("risk.flags").array(of: UInt16.self, at: 0, count: count)
        levelValues = try file.section("risk.levels").array(of: UInt8.self, at: 0, count: count)
        scoreValues = try ColumnValues(file.section("risk.scores"), documentCount: count)
        let lists = try file.section("risk.lists")
        self.lists = try ChunkedDocumentLists.Reader(lists, at: 0, documentCount: count)
        guard self.lists.listCount == RiskBuilder.listCount else { throw lists.corrupt("\(self.lists.listCount) lists, expected \(RiskBuilder.listCount)") }
        records = try file.section("risk.signals").slice(0, count * RiskSignals.recordSize)
        columns = try RiskFeatures.columns.map { try ColumnValues(file.section("column.\($0.rawValue)"), documentCount: count) }
        let blacklist = try file.section("risk.blacklist")
        let listed = Int(try blacklist.load(UInt32.self, at: 0))
        blacklisted = try blacklist.array(of: UInt32.self, at: 8, count: listed)
        let tablesStart = (8 + listed * 4 + 7) / 8 * 8
        blacklistReasons = try StringTable.Reader(blacklist, at: tablesStart)
        blacklistSources = try StringTable.Reader(blacklist, at: tablesStart + blacklistReasons.encodedLength)
        blacklistDates = try StringTable.Reader(blacklist, at: tablesStart + blacklistReasons.encodedLength
                                                    + blacklistSources.encodedLength)
        guard blacklistReasons.count == listed, blacklistSources.count == listed, blacklistDates.count == listed else {
            throw blacklist.corrupt("blacklist tables do not match its documents")
        }
        if let largest = blacklisted.max(), Int(largest) >= count { throw blacklist.corrupt("document \(largest) beyond \(count)") }
        if levelValues.contains(where: { Int($0) >= RiskLevel.allCases.count }) { throw IndexError.corrupt("risk.levels: unknown level") }
    }

    public func level(of document: Int) -> RiskLevel { RiskLevel.allCases[Int(levelValues[document])] }

    /// 0–100, higher is riskier (computed as f32, given back at the build's two decimals).
    public func score(of document: Int) -> Double { (scoreValues[document] * 100).rounded() / 100 }

    public func flags(of document: Int) -> RiskFlags { RiskFlags(rawValue: flagValues[document]) }

    /// Documents at exactly `level`, ascending.
    func documents(at level: RiskLevel) -> SortedDocuments { SortedDocuments(decoding: RiskBuilder.listIndex(of: level), of: lists) }

    /// Documents with `flag` raised, ascending.
    func documents(flagged flag: RiskFlag) -> SortedDocuments { SortedDocuments(decoding: flag.position, of: lists) }

    /// How many creators are at `level`.
    public func count(at level: RiskLevel) -> Int { lists.count(of: RiskBuilder.listIndex(of: level)) }

    /// How many creators have `flag` raised.
    public func count(flagged flag: RiskFlag) -> Int { lists.count(of: flag.position) }

    /// What the rules were given for a creator: its signals and columns, as at build time.
    public func features(of document: Int) -> RiskFeatures {
        let record = UnsafeRawBufferPointer(rebasing: records.buffer[document * RiskSignals.recordSize..<(document + 1) * RiskSignals.recordSize])
        return RiskFeatures(signals: RiskSignals(record: record)) { columns[$0][document] }
    }

    /// The rules' judgement of a creator, recomputed from the stored features and peers
    /// (the same function the build ran, so it matches the stored flags).
    public func assessment(of document: Int) -> RiskAssessment {
        RiskRules.assess(features(of: document), peers: peers)
    }

    /// The blacklisting on file for a creator, if any.
    public func blacklisting(of document: Int) -> (reason: String?, source: String?, since: String?)? {
        var low = 0, high = blacklisted.count
        while low < high {
            let middle = (low + high) / 2
            if Int(blacklisted[middle]) < document { low = middle + 1 } else { high = middle }
        }
        guard low < blacklisted.count, Int(blacklisted[low]) == document else { return nil }
        func text(_ table: StringTable.Reader) -> String? { table.utf8(low).isEmpty ? nil : table[low] }
        return (text(blacklistReasons), text(blacklistSources), text(blacklistDates))
    }

    /// Each flag in words a marketer understands, with its evidence and the peer figures.
    public func report(of document: Int) -> RiskReport {
        RiskReport(assessment: assessment(of: document), blacklisting: blacklisting(of: document))
    }
}
