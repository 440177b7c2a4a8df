import CreatorText

/// One accepted profile after analysis, ready to be added to an index. Produced on worker
/// threads (analysis is the costly part of a build), consumed in dump order by `IndexBuilder`.
public struct AnalyzedDocument: Sendable {
    public var profile: CreatorProfile
    /// One entry per `TextField`, in `TextField.allCases` order.
    public var fields: [FieldTerms]
    /// Hashtag keys (profile and captions), folded, without `#`, unique.
    public var hashtags: [String]
    /// Category keys, folded, unique.
    public var categories: [String]
    public var sketch: AudienceSketch?
    /// The display record (`StoredRecord`: the display JSON of `StoredProfile`, compacted).
    public var stored: [UInt8]
    /// What the risk rules need beyond the columns, measured with the posts still at hand.
    public var risk: RiskSignals
    /// The profile blocks of the creator's lookalike vector.
    public var lookalike: LookalikeFeatures

    public init(profile: CreatorProfile, fields: [FieldTerms], hashtags: [String], categories: [String],
                sketch: AudienceSketch?, stored: [UInt8], risk: RiskSignals? = nil, lookalike: LookalikeFeatures = .empty) {
        self.profile = profile
        self.fields = fields
        self.hashtags = hashtags
        self.categories = categories
        self.sketch = sketch
        self.stored = stored
        self.risk = risk ?? RiskSignals(profile: profile)
        self.lookalike = lookalike
    }
}

/// The distinct terms of one text field of one document, with the positions of each.
///
/// Built on worker threads and laid out flat (one byte arena, one positions array, a
/// 64-bit hash per term) so that merging it into the index on the single merging thread
/// costs no string hashing or allocation.
public struct FieldTerms: Sendable, Equatable {
    /// The terms' UTF-8, concatenated in first-occurrence order.
    public private(set) var termBytes: [UInt8] = []
    /// `termEnds[i]` is where term `i` ends in `termBytes` (it starts where `i-1` ends).
    public private(set) var termEnds: [UInt32] = []
    /// `TermHash` of each term.
    public private(set) var hashes: [UInt64] = []
    /// All positions, grouped by term, ascending within a term.
    public private(set) var positionValues: [UInt32] = []
    /// `positionEnds[i]` is where term `i`'s positions end in `positionValues`.
    public private(set) var positionEnds: [UInt32] = []
    /// Number of tokens in the field (the BM25 length).
    public private(set) var length: UInt32 = 0

    public init() {}

    /// Groups a token stream by term, keeping first-occurrence order.
    public init(tokens: [(text: String, position: UInt32)]) {
        var arena = TermArena()
        for token in tokens { arena.append(token.text.utf8, position: token.position) }
        self.init(arena: arena)
    }

    /// Groups the analysed tokens of `arena` by term, keeping first-occurrence order.
    public init(arena: TermArena) {
        var scratch = Grouping()
        self.init(arena: arena, scratch: &scratch)
    }

    /// Working arrays of `init(arena:scratch:)`, which a worker keeps between documents.
    public struct Grouping {
        var table: [Int32] = []
        var termOfToken: [Int32] = []
        var firstToken: [Int32] = []
        var termHashes: [UInt64] = []
        var counts: [UInt32] = []

        public init() {}
    }

    /// Groups the analysed tokens of `arena` by term, keeping first-occurrence order. Each
    /// token's bytes are hashed once, straight from the arena; terms are found through
    /// `scratch`, then every array of the result is allocated once at its final size.
    public init(arena: TermArena, scratch: inout Grouping) {
        let tokenCount = arena.count
        length = UInt32(tokenCount)
        guard tokenCount > 0 else { return }
        // Open addressing over term ids, sized to stay under half full.
        var capacity = 16
        while capacity < tokenCount * 2 { capacity <<= 1 }
        scratch.table.removeAll(keepingCapacity: true)
        scratch.table.append(contentsOf: repeatElement(-1, count: capacity))
        scratch.termOfToken.removeAll(keepingCapacity: true)
        scratch.termOfToken.reserveCapacity(tokenCount)
        scratch.firstToken.removeAll(keepingCapacity: true)
        scratch.termHashes.removeAll(keepingCapacity: true)
        scratch.counts.removeAll(keepingCapacity: true)
        var termByteCount = 0
        arena.bytes.withUnsafeBufferPointer { arenaBytes in
            arena.ends.withUnsafeBufferPointer { tokenEnds in
                scratch.table.withUnsafeMutableBufferPointer { table in
                    var tokenStart = 0
                    for tokenIndex in 0..<tokenCount {
                        let tokenEnd = Int(tokenEnds[tokenIndex])
                        let bytes = UnsafeBufferPointer(rebasing: arenaBytes[tokenStart..<tokenEnd])
                        tokenStart = tokenEnd
                        let hash = TermHash.hash(UnsafeRawBufferPointer(bytes))
                        var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                        var id: Int32
                        while true {
                            let existing = table[slot]
                            if existing < 0 {
                                id = Int32(scratch.termHashes.count)
                                table[slot] = id
                                scratch.termHashes.append(hash)
                                scratch.firstToken.append(Int32(tokenIndex))
                                scratch.counts.append(0)
                                termByteCount += bytes.count
                                break
                            }
                            if scratch.termHashes[Int(existing)] == hash {
                                let first = Int(scratch.firstToken[Int(existing)])
                                let firstStart = first == 0 ? 0 : Int(tokenEnds[first - 1])
                                if Int(tokenEnds[first]) - firstStart == bytes.count,
                                   UnsafeBufferPointer(rebasing: arenaBytes[firstStart..<Int(tokenEnds[first])]).elementsEqual(bytes) {
                                    id = existing
                                    break
                                }
                            }
                            slot = (slot + 1) & (capacity - 1)
                        }
                        scratch.termOfToken.append(id)
                        scratch.counts[Int(id)] += 1
                    }
                }
                let termCount = scratch.termHashes.count
                hashes.reserveCapacity(termCount)
                hashes.append(contentsOf: scratch.termHashes)
                termBytes.reserveCapacity(termByteCount)
                termEnds.reserveCapacity(termCount)
                for first in scratch.firstToken {
                    let first = Int(first)
                    let start = first == 0 ? 0 : Int(tokenEnds[first - 1])
                    termBytes.append(contentsOf: UnsafeBufferPointer(rebasing: arenaBytes[start..<Int(tokenEnds[first])]))
                    termEnds.append(UInt32(termBytes.count))
                }
            }
        }
        // Turn the counts into each term's next free place in `positionValues`.
        positionEnds.reserveCapacity(scratch.counts.count)
        var end: UInt32 = 0
        for id in 0..<scratch.counts.count {
            let count = scratch.counts[id]
            scratch.counts[id] = end
            end += count
            positionEnds.append(end)
        }
        positionValues = [UInt32](repeating: 0, count: tokenCount)
        for tokenIndex in 0..<tokenCount {
            let id = Int(scratch.termOfToken[tokenIndex])
            positionValues[Int(scratch.counts[id])] = arena.positions[tokenIndex]
            scratch.counts[id] += 1
        }
        // Tokens arrive in position order, except that a term may repeat a position (a
        // hashtag and its word): keep each term's positions ascending regardless.
        for id in 0..<positionEnds.count {
            let range = Int(id == 0 ? 0 : positionEnds[id - 1])..<Int(positionEnds[id])
            if !positionValues[range].isSorted() { positionValues[range].sort() }
        }
    }

    public var count: Int { hashes.count }

    public func bytes(of term: Int) -> ArraySlice<UInt8> {
        termBytes[Int(term == 0 ? 0 : termEnds[term - 1])..<Int(termEnds[term])]
    }

    public func positions(of term: Int) -> ArraySlice<UInt32> {
        positionValues[Int(term == 0 ? 0 : positionEnds[term - 1])..<Int(positionEnds[term])]
    }

    /// The distinct terms, in first-occurrence order.
    public var terms: [String] { (0..<count).map { String(decoding: bytes(of: $0), as: UTF8.self) } }

    /// `positions[i]` are the ascending positions of `terms[i]`.
    public var positions: [[UInt32]] { (0..<count).map { Array(positions(of: $0)) } }
}

extension ArraySlice where Element == UInt32 {
    func isSorted() -> Bool {
        var previous: UInt32 = 0
        for value in self {
            if value < previous { return false }
            previous = value
        }
        return true
    }
}

/// The 64-bit hash of a term's UTF-8 (FNV-1a, then a finaliser that spreads its bits), computed
/// once on a worker and reused by the merging thread's term table.
public enum TermHash {
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }
}
