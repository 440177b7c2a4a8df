/// One text field's inverted index, read in place from the mapped file.
public struct TextFieldReader: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive.
    public let field: TextField
    public let terms: StringTable.Reader
    let infos: ByteView
    let postings: ByteView
    /// Tokens per document.
    public let lengths: UnsafeBufferPointer<UInt16>

    init(field: TextField, file: IndexFile, documentCount: Int) throws {
        self.field = field
        let dictionary = try file.section("text.\(field.rawValue).terms")
        terms = try StringTable.Reader(dictionary)
        infos = try dictionary.slice(terms.encodedLength, terms.count * TermInfo.size)
        postings = try file.section("text.\(field.rawValue).postings")
        lengths = try file.section("text.\(field.rawValue).lengths").array(of: UInt16.self, at: 0, count: documentCount)
    }

    /// The term's postings facts, `nil` when no document holds it.
    public func info(for term: String) throws -> TermInfo? {
        guard let index = terms.find(term) else { return nil }
        return try TermInfo.decode(infos, at: index * TermInfo.size)
    }

    /// Every posting of a term, in document order.
    public func postings(_ info: TermInfo) throws -> PostingsCursor {
        let postingsView = try postings.slice(Int(info.postingsOffset), Int(info.postingsLength))
        let positionsView = try postings.slice(Int(info.postingsOffset) + Int(info.postingsLength), Int(info.positionsLength))
        return PostingsCursor(postings: postingsView, positions: positionsView, count: Int(info.documentFrequency))
    }
}

/// Walks one term's postings: documents ascending, with term frequency and positions.
public struct PostingsCursor {
    private var postings: VarintCursor
    private var positions: VarintCursor
    public let count: Int
    public private(set) var document: UInt32 = 0
    public private(set) var frequency: UInt32 = 0
    private var started = false
    private var pendingPositions: UInt32 = 0

    init(postings: ByteView, positions: ByteView, count: Int) {
        self.postings = VarintCursor(postings)
        self.positions = VarintCursor(positions)
        self.count = count
    }

    /// Advances to the next posting; `false` at the end.
    public mutating func next() throws -> Bool {
        // Skip positions the caller did not read.
        for _ in 0..<pendingPositions { _ = try positions.next() }
        guard !postings.isAtEnd else { return false }
        let delta = try postings.next()
        document = started ? document + delta : delta
        started = true
        frequency = try postings.next()
        pendingPositions = frequency
        return true
    }

    /// The current posting's positions (call at most once per posting).
    public mutating func readPositions() throws -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(Int(pendingPositions))
        var position: UInt32 = 0
        for _ in 0..<pendingPositions {
            position += try positions.next()
            result.append(position)
        }
        pendingPositions = 0
        return result
    }
}
