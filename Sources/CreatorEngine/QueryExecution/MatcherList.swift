/// The children of a matcher, for per-document loops: read through a plain buffer of
/// unowned references, so that checking a document costs no reference counting (which
/// measured over half of a filter query's time). `owned` keeps the children alive for as
/// long as the list exists.
struct MatcherList {
    let owned: [DocumentMatcher]
    // Safe: `owned` holds a strong reference to every matcher for the list's lifetime.
    private let references: OwnedBuffer<Unmanaged<DocumentMatcher>>

    init(_ matchers: [DocumentMatcher]) {
        owned = matchers
        references = OwnedBuffer(matchers.map { Unmanaged.passUnretained($0) })
    }

    var count: Int { references.buffer.count }

    /// Whether every matcher accepts `document`.
    @inline(__always) func allMatch(_ document: UInt32) -> Bool {
        for index in 0..<references.buffer.count
        where !references.buffer[index]._withUnsafeGuaranteedRef({ $0.matches(document) }) { return false }
        return true
    }

    /// The scores the matcher at `position` gives `documents`, into `scores`.
    @inline(__always) func scores(_ position: Int, of documents: UnsafeBufferPointer<UInt32>,
                                  into scores: UnsafeMutableBufferPointer<Double>) {
        references.buffer[position]._withUnsafeGuaranteedRef { $0.scores(of: documents, into: scores) }
    }

    /// Whether some matcher accepts `document`.
    @inline(__always) func anyMatches(_ document: UInt32) -> Bool {
        for index in 0..<references.buffer.count
        where references.buffer[index]._withUnsafeGuaranteedRef({ $0.matches(document) }) { return true }
        return false
    }
}
