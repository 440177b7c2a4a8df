/// A forward-only cursor over one term's postings in one field, with the positions of
/// the current posting read on demand.
final class TermCursor {
    private var postings: PostingsCursor?
    /// The current document; `UInt32.max` before the start and after the end.
    private(set) var document: UInt32 = .max
    private var started = false
    private var cachedPositions: [UInt32]?

    init(reader: TextFieldReader, info: TermInfo) {
        // A postings slice outside the file (corruption `stats --verify` reports) reads as empty.
        postings = try? reader.postings(info)
    }

    /// Moves to the first posting at or after `target`; whether it is exactly `target`.
    func advance(to target: UInt32) -> Bool {
        if started, document >= target { return document == target }
        started = true
        while postings != nil {
            // A truncated or corrupt list ends where it stops decoding.
            guard (try? postings?.next()) == true, let current = postings?.document else { break }
            if current >= target {
                document = current
                cachedPositions = nil
                return current == target
            }
        }
        postings = nil
        document = .max
        return false
    }

    /// Moves to the next posting; `nil` at the end.
    func next() -> UInt32? {
        guard postings != nil, (try? postings?.next()) == true, let current = postings?.document else {
            postings = nil
            document = .max
            return nil
        }
        started = true
        document = current
        cachedPositions = nil
        return current
    }

    /// Occurrences of the term in the current document.
    var frequency: UInt32 { postings?.frequency ?? 0 }

    /// Word positions of the term in the current document, ascending.
    var positions: [UInt32] {
        if let cachedPositions { return cachedPositions }
        let read = (try? postings?.readPositions()) ?? []
        cachedPositions = read
        return read
    }
}

/// Lists one term's documents in one field.
final class TermCursorIterator: DocumentIterator {
    private let cursor: TermCursor

    init(_ cursor: TermCursor) {
        self.cursor = cursor
    }

    override func next() -> UInt32? { cursor.next() }
}
