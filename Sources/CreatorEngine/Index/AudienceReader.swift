/// One audience dimension, per creator (forward) and per key (inverted).
public struct AudienceReader: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive.
    public let dimension: AudienceDimension
    /// Keys in first-seen order (key ids index it), so not sorted: look keys up with `keyID(of:)`.
    public let keys: StringTable.Reader
    private let keyIDs: [String: Int]
    /// Documents whose distribution is known, ascending.
    public let present: UnsafeBufferPointer<UInt32>
    let forwardOffsets: UnsafeBufferPointer<UInt32>
    /// Key ids of the forward entries: one byte each when the dimension has at most 256 keys
    /// (every dimension of the generated corpora), else two or four (`keyWidth(keyCount:)`).
    private let forwardKeys8: UnsafeBufferPointer<UInt8>
    private let forwardKeys16: UnsafeBufferPointer<UInt16>
    private let forwardKeys32: UnsafeBufferPointer<UInt32>
    /// `AudienceShare` units, as `invertedShares`.
    let forwardShares: UnsafeBufferPointer<UInt16>
    let invertedOffsets: UnsafeBufferPointer<UInt64>
    let invertedDocuments: UnsafeBufferPointer<UInt32>
    let invertedShares: UnsafeBufferPointer<UInt16>

    init(dimension: AudienceDimension, file: IndexFile, documentCount: Int) throws {
        self.dimension = dimension
        let prefix = "audience.\(dimension.rawValue)"
        keys = try StringTable.Reader(try file.section(prefix + ".keys"))
        var keyIDs: [String: Int] = [:]
        for id in 0..<keys.count { keyIDs[keys[id]] = id }
        self.keyIDs = keyIDs
        let presentView = try file.section(prefix + ".present")
        present = try presentView.array(of: UInt32.self, at: 0, count: presentView.count / 4)

        let forward = try file.section(prefix + ".forward")
        forwardOffsets = try forward.array(of: UInt32.self, at: 0, count: documentCount + 1)
        let entries = Int(forwardOffsets[documentCount])
        let keysStart = (documentCount + 1) * 4
        let keyWidth = Self.keyWidth(keyCount: keys.count)
        forwardKeys8 = keyWidth == 1 ? try forward.array(of: UInt8.self, at: keysStart, count: entries) : Self.none()
        forwardKeys16 = keyWidth == 2 ? try forward.array(of: UInt16.self, at: keysStart, count: entries) : Self.none()
        forwardKeys32 = keyWidth == 4 ? try forward.array(of: UInt32.self, at: keysStart, count: entries) : Self.none()
        forwardShares = try forward.array(of: UInt16.self, at: (keysStart + entries * keyWidth + 1) / 2 * 2, count: entries)

        let inverted = try file.section(prefix + ".inverted")
        invertedOffsets = try inverted.array(of: UInt64.self, at: 0, count: keys.count + 1)
        let postings = Int(invertedOffsets[keys.count])
        let documentsStart = (keys.count + 1) * 8
        invertedDocuments = try inverted.array(of: UInt32.self, at: documentsStart, count: postings)
        invertedShares = try inverted.array(of: UInt16.self, at: documentsStart + postings * 4, count: postings)

        guard Self.ascending(forwardOffsets), Self.ascending(invertedOffsets) else {
            throw IndexError.corrupt("\(forward.context): offsets out of order")
        }
        guard forwardKeys8.allSatisfy({ Int($0) < keys.count }), forwardKeys16.allSatisfy({ Int($0) < keys.count }),
              forwardKeys32.allSatisfy({ Int($0) < keys.count }) else {
            throw IndexError.corrupt("\(forward.context): key id out of range")
        }
        // Lists of documents are read as indexes into per-document arrays: checked once here,
        // as the facets' are.
        for (documents, context) in [(present, presentView.context), (invertedDocuments, inverted.context)] {
            if let largest = documents.max(), Int(largest) >= documentCount {
                throw IndexError.corrupt("\(context): document \(largest) beyond \(documentCount)")
            }
        }
    }

    /// Whether offsets never decrease (read in place, without a copy).
    private static func ascending<Offset: FixedWidthInteger>(_ offsets: UnsafeBufferPointer<Offset>) -> Bool {
        zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
    }

    private static func none<T>() -> UnsafeBufferPointer<T> { UnsafeBufferPointer(start: nil, count: 0) }

    /// The bytes of a dimension's forward key ids: 1 up to 256 keys, 2 up to 65,536, else 4.
    static func keyWidth(keyCount: Int) -> Int { keyCount <= 256 ? 1 : keyCount <= 65_536 ? 2 : 4 }

    /// The key id of forward entry `entry`.
    @inline(__always) func forwardKey(_ entry: Int) -> Int {
        if !forwardKeys8.isEmpty { return Int(forwardKeys8[entry]) }
        return forwardKeys16.isEmpty ? Int(forwardKeys32[entry]) : Int(forwardKeys16[entry])
    }

    /// The share of forward entry `entry`.
    @inline(__always) func forwardShare(_ entry: Int) -> Double { AudienceShare.share(forwardShares[entry]) }

    /// The creator's distribution, `nil` when unknown.
    public func distribution(of document: Int) -> Distribution? {
        let start = Int(forwardOffsets[document]), end = Int(forwardOffsets[document + 1])
        guard start < end || isPresent(document) else { return nil }
        var shares: [String: Double] = [:]
        for entry in start..<end { shares[keys[forwardKey(entry)]] = forwardShare(entry) }
        return Distribution(shares)
    }

    /// The creator's forward entries as the stored profile shows them (`StoredRecord`).
    func displayEntries(of document: Int) -> [AudienceDisplay.Entry] {
        (Int(forwardOffsets[document])..<Int(forwardOffsets[document + 1])).map {
            AudienceDisplay.Entry(key: keys[forwardKey($0)], share: forwardShare($0))
        }
    }

    /// Whether the creator's distribution is known (binary search in `present`).
    public func isPresent(_ document: Int) -> Bool {
        var low = 0, high = present.count
        while low < high {
            let middle = (low + high) / 2
            if present[middle] < UInt32(document) { low = middle + 1 } else { high = middle }
        }
        return low < present.count && present[low] == UInt32(document)
    }

    /// The id of a key (its index in `keys`), `nil` when no creator's audience has it.
    public func keyID(of key: String) -> Int? { keyIDs[key] }

    /// Documents with an entry for `key`, ascending, with their shares (`AudienceShare` units).
    public func postings(for key: String) -> (documents: UnsafeBufferPointer<UInt32>, shares: UnsafeBufferPointer<UInt16>) {
        guard let index = keyID(of: key) else {
            return (UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0))
        }
        let start = Int(invertedOffsets[index]), end = Int(invertedOffsets[index + 1])
        return (UnsafeBufferPointer(rebasing: invertedDocuments[start..<end]), UnsafeBufferPointer(rebasing: invertedShares[start..<end]))
    }
}

extension AudienceReader {
    /// Calls `body` with each (key id, share) of the creator's distribution, without
    /// building a `Distribution` (the brief matcher reads hundreds of creators per brief).
    func forEachShare(of document: Int, _ body: (Int, Double) -> Void) {
        let start = Int(forwardOffsets[document]), end = Int(forwardOffsets[document + 1])
        for entry in start..<end { body(forwardKey(entry), forwardShare(entry)) }
    }
}
