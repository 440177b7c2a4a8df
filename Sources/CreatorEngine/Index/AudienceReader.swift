/// One audience dimension, per creator (forward) and per key (inverted).
public struct AudienceReader: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive.
    public let dimension: AudienceDimension
    /// Keys in first-seen order (key ids index it), so not sorted: look keys up with `keyID(of:)`.
    public let keys: StringTable.Reader
    private let keyIDs: [String: Int]
    /// Documents whose distribution is known, ascending (found at open: those with entries).
    public var present: UnsafeBufferPointer<UInt32> { presentDocuments.buffer }
    private let presentDocuments: OwnedBuffer<UInt32>
    /// The first forward entry of documents 0, 16, 32, … (`groupSize`), then the entry count.
    private let groupStarts: UnsafeBufferPointer<UInt32>
    /// Each document's entry count, `escapedCount` for 255 or more (`escapedDocuments`).
    private let counts: UnsafeBufferPointer<UInt8>
    private let escapedDocuments: UnsafeBufferPointer<UInt32>
    private let escapedCounts: UnsafeBufferPointer<UInt32>
    /// Key ids of the forward entries: one byte each when the dimension has at most 256 keys
    /// (every dimension of the generated corpora), else two or four (`keyWidth(keyCount:)`).
    private let forwardKeys8: UnsafeBufferPointer<UInt8>
    private let forwardKeys16: UnsafeBufferPointer<UInt16>
    private let forwardKeys32: UnsafeBufferPointer<UInt32>
    /// `AudienceShare` units, as `invertedShares`.
    let forwardShares: UnsafeBufferPointer<UInt16>
    /// Per key id, the documents with an entry for it, ascending; `invertedShares` beside them.
    let invertedDocuments: ChunkedDocumentLists.Reader
    let invertedShares: UnsafeBufferPointer<UInt16>

    /// Documents per entry of `groupStarts`.
    static let groupSize = 16
    /// The count that stands for 255 entries or more.
    static let escapedCount: UInt8 = 255

    init(dimension: AudienceDimension, file: IndexFile, documentCount: Int) throws {
        self.dimension = dimension
        let prefix = "audience.\(dimension.rawValue)"
        keys = try StringTable.Reader(try file.section(prefix + ".keys"))
        var keyIDs: [String: Int] = [:]
        for id in 0..<keys.count { keyIDs[keys[id]] = id }
        self.keyIDs = keyIDs

        let forward = try file.section(prefix + ".forward")
        let groupCount = (documentCount + Self.groupSize - 1) / Self.groupSize
        groupStarts = try forward.array(of: UInt32.self, at: 0, count: groupCount + 1)
        var offset = (groupCount + 1) * 4
        counts = try forward.array(of: UInt8.self, at: offset, count: documentCount)
        offset = (offset + documentCount + 3) / 4 * 4
        let escaped = Int(try forward.load(UInt32.self, at: offset))
        escapedDocuments = try forward.array(of: UInt32.self, at: offset + 4, count: escaped)
        escapedCounts = try forward.array(of: UInt32.self, at: offset + 4 + escaped * 4, count: escaped)
        offset += 4 + escaped * 8
        let entries = Int(groupStarts[groupCount])
        let keyWidth = Self.keyWidth(keyCount: keys.count)
        forwardKeys8 = keyWidth == 1 ? try forward.array(of: UInt8.self, at: offset, count: entries) : Self.none()
        forwardKeys16 = keyWidth == 2 ? try forward.array(of: UInt16.self, at: offset, count: entries) : Self.none()
        forwardKeys32 = keyWidth == 4 ? try forward.array(of: UInt32.self, at: offset, count: entries) : Self.none()
        forwardShares = try forward.array(of: UInt16.self, at: (offset + entries * keyWidth + 1) / 2 * 2, count: entries)
        presentDocuments = try Self.checkCounts(groupStarts: groupStarts, counts: counts, escapedDocuments: escapedDocuments,
                                                escapedCounts: escapedCounts, context: forward.context)

        let inverted = try file.section(prefix + ".inverted")
        invertedDocuments = try ChunkedDocumentLists.Reader(inverted, at: 0, documentCount: documentCount)
        guard invertedDocuments.listCount == keys.count else {
            throw inverted.corrupt("\(invertedDocuments.listCount) lists for \(keys.count) keys")
        }
        invertedShares = try inverted.array(of: UInt16.self, at: invertedDocuments.encodedLength,
                                            count: invertedDocuments.entryCount)
        guard forwardKeys8.allSatisfy({ Int($0) < keys.count }), forwardKeys16.allSatisfy({ Int($0) < keys.count }),
              forwardKeys32.allSatisfy({ Int($0) < keys.count }) else {
            throw IndexError.corrupt("\(forward.context): key id out of range")
        }
    }

    /// Checks that every group's counts add up to its entries (the escaped documents, in
    /// order, being those marked 255) and lists the documents with entries.
    private static func checkCounts(groupStarts: UnsafeBufferPointer<UInt32>, counts: UnsafeBufferPointer<UInt8>,
                                    escapedDocuments: UnsafeBufferPointer<UInt32>, escapedCounts: UnsafeBufferPointer<UInt32>,
                                    context: String) throws -> OwnedBuffer<UInt32> {
        var present: [UInt32] = []
        var escaped = 0
        for group in 0..<groupStarts.count - 1 {
            var total = 0
            for document in group * groupSize..<min(counts.count, (group + 1) * groupSize) {
                var count = Int(counts[document])
                if counts[document] == escapedCount {
                    guard escaped < escapedDocuments.count, escapedDocuments[escaped] == UInt32(document),
                          escapedCounts[escaped] >= UInt32(escapedCount) else {
                        throw IndexError.corrupt("\(context): escaped count of document \(document) missing")
                    }
                    count = Int(escapedCounts[escaped])
                    escaped += 1
                }
                if count > 0 { present.append(UInt32(document)) }
                total += count
            }
            guard groupStarts[group] <= groupStarts[group + 1], total == Int(groupStarts[group + 1] - groupStarts[group]) else {
                throw IndexError.corrupt("\(context): the counts of documents \(group * groupSize)… do not add up")
            }
        }
        guard escaped == escapedDocuments.count else { throw IndexError.corrupt("\(context): escaped counts left over") }
        return OwnedBuffer(present)
    }

    private static func none<T>() -> UnsafeBufferPointer<T> { UnsafeBufferPointer(start: nil, count: 0) }

    /// The bytes of a dimension's forward key ids: 1 up to 256 keys, 2 up to 65,536, else 4.
    static func keyWidth(keyCount: Int) -> Int { keyCount <= 256 ? 1 : keyCount <= 65_536 ? 2 : 4 }

    /// The key id of forward entry `entry`.
    @inline(__always) func forwardKey(_ entry: Int) -> Int {
        if !forwardKeys8.isEmpty { return Int(forwardKeys8[entry]) }
        return forwardKeys16.isEmpty ? Int(forwardKeys32[entry]) : Int(forwardKeys16[entry])
    }

    /// The forward entries of a document (none when its distribution is unknown).
    @inline(__always) func entries(of document: Int) -> Range<Int> {
        let groupFirst = document & ~(Self.groupSize - 1)
        var start = Int(groupStarts[document / Self.groupSize])
        for earlier in groupFirst..<document { start += entryCount(earlier) }
        return start..<start + entryCount(document)
    }

    @inline(__always) private func entryCount(_ document: Int) -> Int {
        let count = counts[document]
        return count == Self.escapedCount ? escapedEntryCount(document) : Int(count)
    }

    private func escapedEntryCount(_ document: Int) -> Int {
        // Present for every document counted 255: checked at open.
        Int(escapedCounts[SortedDocuments(mapped: escapedDocuments).firstPosition(from: 0, atLeast: UInt32(document))])
    }

    /// The share of forward entry `entry`.
    @inline(__always) func forwardShare(_ entry: Int) -> Double { AudienceShare.share(forwardShares[entry]) }

    /// The creator's distribution, `nil` when unknown.
    public func distribution(of document: Int) -> Distribution? {
        let entries = entries(of: document)
        guard !entries.isEmpty else { return nil }
        var shares: [String: Double] = [:]
        for entry in entries { shares[keys[forwardKey(entry)]] = forwardShare(entry) }
        return Distribution(shares)
    }

    /// The creator's forward entries as the stored profile shows them (`StoredRecord`).
    func displayEntries(of document: Int) -> [AudienceDisplay.Entry] {
        entries(of: document).map {
            AudienceDisplay.Entry(key: keys[forwardKey($0)], share: forwardShare($0))
        }
    }

    /// Whether the creator's distribution is known.
    public func isPresent(_ document: Int) -> Bool { counts[document] != 0 }

    /// The id of a key (its index in `keys`), `nil` when no creator's audience has it.
    public func keyID(of key: String) -> Int? { keyIDs[key] }

    /// Documents with an entry for `key`, ascending, with their shares (`AudienceShare` units).
    func postings(for key: String) -> (documents: SortedDocuments, shares: UnsafeBufferPointer<UInt16>) {
        guard let index = keyID(of: key) else { return (.empty, UnsafeBufferPointer(start: nil, count: 0)) }
        return (SortedDocuments(decoding: index, of: invertedDocuments), shares(ofKey: index))
    }

    /// The shares of `key`'s postings, in their documents' order (without reading the documents).
    func shares(for key: String) -> UnsafeBufferPointer<UInt16> {
        keyID(of: key).map(shares(ofKey:)) ?? UnsafeBufferPointer(start: nil, count: 0)
    }

    private func shares(ofKey index: Int) -> UnsafeBufferPointer<UInt16> {
        UnsafeBufferPointer(rebasing: invertedShares[invertedDocuments.range(of: index)])
    }
}

extension AudienceReader {
    /// Calls `body` with each (key id, share) of the creator's distribution, without
    /// building a `Distribution` (the brief matcher reads hundreds of creators per brief).
    func forEachShare(of document: Int, _ body: (Int, Double) -> Void) {
        for entry in entries(of: document) { body(forwardKey(entry), forwardShare(entry)) }
    }
}
