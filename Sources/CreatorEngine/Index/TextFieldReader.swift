/// One text field's inverted index, read in place from the mapped file.
public struct TextFieldReader: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive.
    public let field: TextField
    public let terms: StringTable.Reader
    let infos: ByteView
    let postings: ByteView
    /// Tokens per document.
    public let lengths: FieldLengths

    init(field: TextField, file: IndexFile, documentCount: Int) throws {
        self.field = field
        let dictionary = try file.section("text.\(field.rawValue).terms")
        terms = try StringTable.Reader(dictionary)
        infos = try dictionary.slice(terms.encodedLength, terms.count * TermInfo.size)
        postings = try file.section("text.\(field.rawValue).postings")
        lengths = try FieldLengths(file.section("text.\(field.rawValue).lengths"), documentCount: documentCount)
    }

    /// The term's postings facts, `nil` when no document holds it.
    public func info(for term: String) throws -> TermInfo? {
        guard let index = terms.find(term) else { return nil }
        return try TermInfo.decode(infos, at: index * TermInfo.size)
    }

    /// The term's positions, all postings' in order (`nil` if outside the file).
    func positions(_ info: TermInfo) -> ByteView? {
        try? postings.slice(Int(info.postingsOffset) + Int(info.postingsLength), Int(info.positionsLength))
    }

    /// Every posting of a term, in document order.
    public func postings(_ info: TermInfo) throws -> PostingsCursor {
        let postingsView = try postings.slice(Int(info.postingsOffset), Int(info.postingsLength))
        let positionsView = try postings.slice(Int(info.postingsOffset) + Int(info.postingsLength), Int(info.positionsLength))
        return PostingsCursor(postings: postingsView, positions: positionsView, count: Int(info.documentFrequency),
                              documentLimit: UInt32(clamping: lengths.count))
    }
}

/// Walks one term's postings: documents ascending, with term frequency and positions.
public struct PostingsCursor {
    private let postings: ByteView
    private var deltas: VarintCursor
    private var positions: VarintCursor
    public let count: Int
    public private(set) var document: UInt32 = 0
    public private(set) var frequency: UInt32 = 0
    private var index = -1
    /// Where the frequency codes start (found on the first `next`), and the next large one.
    private var codes: Int?
    private var large = 0
    private var pendingPositions: UInt32 = 0
    /// Positions of earlier postings not yet stepped over in `positions`.
    private var skippedPositions = 0

    /// Documents are below it (the index's document count).
    private let documentLimit: UInt32

    init(postings: ByteView, positions: ByteView, count: Int, documentLimit: UInt32) {
        self.postings = postings
        self.documentLimit = documentLimit
        deltas = VarintCursor(postings)
        self.positions = VarintCursor(positions)
        self.count = count
    }

    /// Advances to the next posting; `false` at the end.
    public mutating func next() throws -> Bool {
        // Positions the caller did not read are skipped only when some are read later:
        // a query without phrases never decodes positions at all.
        skippedPositions += Int(pendingPositions)
        pendingPositions = 0
        guard index + 1 < count else { return false }
        let bytes = UnsafeRawBufferPointer(start: postings.base, count: postings.count)
        if codes == nil {
            guard let start = PostingEncoding.codesStart(bytes, count: count) else { throw postings.corrupt("postings run past the end") }
            codes = start
            large = start + (count + 1) / 2
        }
        index += 1
        let delta = try deltas.next()
        guard let next = index == 0 ? delta : PostingEncoding.document(after: document, delta: delta), next < documentLimit else {
            throw postings.corrupt("postings out of order or past the last document")
        }
        document = next
        guard let frequency = PostingEncoding.frequency(bytes, codes: codes ?? 0, index: index, large: &large) else {
            throw postings.corrupt("damaged term frequencies")
        }
        self.frequency = frequency
        pendingPositions = frequency
        return true
    }

    /// The current posting's positions (call at most once per posting).
    public mutating func readPositions() throws -> [UInt32] {
        try positions.skip(skippedPositions)
        skippedPositions = 0
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

extension TextFieldReader {
    /// At most how many postings a term's list can hold: each takes a byte or more (its
    /// delta), so a damaged document frequency cannot ask for more memory than the list could fill.
    func postingCapacity(_ info: TermInfo) -> Int {
        min(Int(info.documentFrequency), Int(info.postingsLength))
    }

    /// Decodes a term's documents (ascending) and how often the term occurs in each, in two
    /// tight passes, into `documents` and `frequencies`. Returns how many postings were
    /// decoded: all of them (given room for `postingCapacity(info)`), or none for a damaged
    /// list or a damaged count (which `stats --verify` reports). Term queries need no more;
    /// positions stay in the file until a phrase asks for them.
    func decodePostings(_ info: TermInfo, documents: UnsafeMutableBufferPointer<UInt32>,
                        frequencies: UnsafeMutableBufferPointer<UInt32>) -> Int {
        guard let view = try? postings.slice(Int(info.postingsOffset), Int(info.postingsLength)) else { return 0 }
        let count = Int(info.documentFrequency)
        guard count <= documents.count, count <= frequencies.count else { return 0 }
        let decoded = PostingEncoding.decode(UnsafeRawBufferPointer(start: view.base, count: view.count), count: count,
                                             documentLimit: UInt32(clamping: lengths.count),
                                             documents: documents, frequencies: frequencies)
        return decoded ? count : 0
    }
}
