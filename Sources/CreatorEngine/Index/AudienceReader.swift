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
    /// (every dimension of the generated corpora), else two (`forwardKeys16`).
    private let forwardKeys8: UnsafeBufferPointer<UInt8>
    private let forwardKeys16: UnsafeBufferPointer<UInt16>
    let forwardShares: UnsafeBufferPointer<Float>
    let invertedOffsets: UnsafeBufferPointer<UInt64>
    let invertedDocuments: UnsafeBufferPointer<UInt32>
    let invertedShares: UnsafeBufferPointer<Float>

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
        let keyWidth: Int
        if Self.narrowKeys(keyCount: keys.count) {
            forwardKeys8 = try forward.array(of: UInt8.self, at: keysStart, count: entries)
            forwardKeys16 = UnsafeBufferPointer(start: nil, count: 0)
            keyWidth = 1
        } else {
            forwardKeys8 = UnsafeBufferPointer(start: nil, count: 0)
            forwardKeys16 = try forward.array(of: UInt16.self, at: keysStart, count: entries)
            keyWidth = 2
        }
        forwardShares = try forward.floats(at: (keysStart + entries * keyWidth + 3) / 4 * 4, count: entries)

        let inverted = try file.section(prefix + ".inverted")
        invertedOffsets = try inverted.array(of: UInt64.self, at: 0, count: keys.count + 1)
        let postings = Int(invertedOffsets[keys.count])
        let documentsStart = (keys.count + 1) * 8
        invertedDocuments = try inverted.array(of: UInt32.self, at: documentsStart, count: postings)
        invertedShares = try inverted.floats(at: (documentsStart + postings * 4 + 7) / 8 * 8, count: postings)

        guard Self.ascending(forwardOffsets), Self.ascending(invertedOffsets) else {
            throw IndexError.corrupt("\(forward.context): offsets out of order")
        }
        guard forwardKeys8.allSatisfy({ Int($0) < keys.count }), forwardKeys16.allSatisfy({ Int($0) < keys.count }) else {
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

    /// Whether a dimension's forward key ids take one byte (at most 256 keys) rather than two.
    static func narrowKeys(keyCount: Int) -> Bool { keyCount <= 256 }

    /// The key id of forward entry `entry`.
    @inline(__always) func forwardKey(_ entry: Int) -> Int {
        forwardKeys8.isEmpty ? Int(forwardKeys16[entry]) : Int(forwardKeys8[entry])
    }

    /// The creator's distribution, `nil` when unknown.
    public func distribution(of document: Int) -> Distribution? {
        let start = Int(forwardOffsets[document]), end = Int(forwardOffsets[document + 1])
        guard start < end || isPresent(document) else { return nil }
        var shares: [String: Double] = [:]
        for entry in start..<end { shares[keys[forwardKey(entry)]] = Double(forwardShares[entry]) }
        return Distribution(shares)
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

    /// Documents with a non-zero share of `key`, ascending, with their shares.
    public func postings(for key: String) -> (documents: UnsafeBufferPointer<UInt32>, shares: UnsafeBufferPointer<Float>) {
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
        for entry in start..<end { body(forwardKey(entry), Double(forwardShares[entry])) }
    }
}
