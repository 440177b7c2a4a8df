/// Analysed terms laid out flat: every term's folded UTF-8 in one byte array, with where
/// each term ends and its word position.
///
/// `TextAnalyzer.analyze(_:appendingTo:firstPosition:)` appends to an arena that its caller
/// owns and reuses, so analysing a text makes no `String` and no array per term (the index
/// build analyses hundreds of millions of tokens). `analyze(_:)`, which queries use, reads
/// its `AnalyzedTerm`s out of an arena filled by the same code, so index and query
/// analysis cannot diverge.
public struct TermArena: Sendable, Equatable {
    /// The terms' UTF-8, concatenated in output order. The analyser appends a term's bytes
    /// here directly, then `closeTerm` makes them a term.
    public internal(set) var bytes: [UInt8] = []
    /// `ends[i]` is where term `i` ends in `bytes` (it starts where term `i - 1` ends).
    public private(set) var ends: [UInt32] = []
    /// `positions[i]` is term `i`'s word position.
    public private(set) var positions: [UInt32] = []

    public init() {}

    /// The number of terms.
    @inlinable public var count: Int { ends.count }

    /// Where term `index` lies in `bytes`.
    @inlinable
    public func range(of index: Int) -> Range<Int> {
        Int(index == 0 ? 0 : ends[index - 1])..<Int(ends[index])
    }

    /// Empties the arena, keeping its storage for the next texts.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
    }

    /// Makes the bytes appended to `bytes` since the last term ended a term.
    mutating func closeTerm(position: UInt32) {
        ends.append(UInt32(bytes.count))
        positions.append(position)
    }

    /// Where the bytes not yet closed into a term start.
    var pendingStart: Int { Int(ends.last ?? 0) }

    /// Appends `utf8` as a term.
    public mutating func append<Bytes: Sequence<UInt8>>(_ utf8: Bytes, position: UInt32) {
        bytes.append(contentsOf: utf8)
        closeTerm(position: position)
    }

    /// Appends a copy of bytes `range` of `bytes` (part of an earlier term) as a term.
    mutating func appendCopy(of range: Range<Int>, position: UInt32) {
        bytes.reserveCapacity(bytes.count + range.count)
        for index in range { bytes.append(bytes[index]) }
        closeTerm(position: position)
    }

    /// Removes the last term (no bytes may be pending after it).
    mutating func removeLastTerm() {
        bytes.removeSubrange(range(of: count - 1))
        ends.removeLast()
        positions.removeLast()
    }

    /// Inserts `utf8` as term number `index`, moving the later terms along.
    mutating func insert(_ utf8: [UInt8], position: UInt32, at index: Int) {
        let start = Int(index == 0 ? 0 : ends[index - 1])
        bytes.insert(contentsOf: utf8, at: start)
        let shift = UInt32(utf8.count)
        ends.insert(UInt32(start) + shift, at: index)
        for later in (index + 1)..<ends.count { ends[later] += shift }
        positions.insert(position, at: index)
    }

    /// Replaces term number `index`'s bytes with `utf8`, or removes the term when `utf8` is
    /// nil, moving the later terms along.
    mutating func replaceTerm(at index: Int, with utf8: [UInt8]?) {
        let old = range(of: index)
        let new = utf8 ?? []
        bytes.replaceSubrange(old, with: new)
        let shift = new.count - old.count
        if utf8 == nil {
            ends.remove(at: index)
            positions.remove(at: index)
        } else {
            ends[index] = UInt32(old.lowerBound + new.count)
        }
        for later in (utf8 == nil ? index : index + 1)..<ends.count { ends[later] = UInt32(Int(ends[later]) + shift) }
    }
}
