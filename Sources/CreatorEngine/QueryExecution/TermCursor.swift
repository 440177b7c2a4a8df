internal import CPostings

/// A forward-only cursor over one term's postings in one field, for phrases: documents
/// come from the decoded postings, and the positions of the current document are read
/// from the file on demand, stepping over the positions of the documents passed by.
/// Reads plain buffers only (no reference counting per document).
final class TermCursor {
    /// Keeps the decoded lists alive; read through `documents` and `frequencies`.
    private let postings: PostingList
    private let documents: SortedDocuments
    private let frequencies: UnsafeBufferPointer<UInt32>
    /// The term's positions in the file, all postings' in order (empty if damaged).
    private let positionBytes: UnsafeRawBufferPointer
    /// Index of the current posting (`-1` before the first).
    @exclusivity(unchecked) private var index = -1
    /// Position values stored before the current posting, and how many were stepped over
    /// (ending at `byteOffset`).
    @exclusivity(unchecked) private var positionsBefore = 0
    @exclusivity(unchecked) private var positionsConsumed = 0
    @exclusivity(unchecked) private var byteOffset = 0

    init(reader: TextFieldReader, info: TermInfo, postings: PostingList) {
        self.postings = postings
        documents = SortedDocuments(mapped: postings.documents.buffer)
        frequencies = postings.frequencies.buffer
        positionBytes = reader.positions(info).map { UnsafeRawBufferPointer(start: $0.base, count: $0.count) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// The term's postings and positions as `cpost_phrase_occurrences` reads them, the
    /// term `offset` words after the phrase's first (the views stay valid while this cursor
    /// and the index live).
    func phraseWord(offset: UInt32) -> cpost_phrase_word {
        cpost_phrase_word(documents: documents.buffer.baseAddress, frequencies: frequencies.baseAddress,
                          count: documents.count,
                          positions: positionBytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                          positions_length: positionBytes.count, offset: offset)
    }

    /// Bytes of positions the term holds (what a bulk pass over it reads at most).
    var positionByteCount: Int { positionBytes.count }

    /// Postings the term holds.
    var postingCount: Int { documents.count }

    /// Moves to the first posting at or after `target`; whether it is exactly `target`.
    func advance(to target: UInt32) -> Bool {
        let documents = self.documents, frequencies = self.frequencies
        if index >= 0, index < documents.count, documents[index] >= target { return documents[index] == target }
        let start = max(index, 0)
        let next = documents.firstPosition(from: start, atLeast: target)
        // A common word's cursor passes most of its list between two candidates.
        if next - start > 16, let base = frequencies.baseAddress {
            positionsBefore += Int(cpost_sum_u32(base + start, next - start))
        } else {
            for passed in start..<next { positionsBefore &+= Int(frequencies[passed]) }
        }
        index = next
        return next < documents.count && documents[next] == target
    }

    /// How often the term occurs in the current posting (after `advance` found it).
    var frequency: UInt32 { index >= 0 && index < documents.count ? frequencies[index] : 0 }

    /// Appends the word positions of the term in the current document, ascending, to
    /// `positions`; `false` if the file's positions are damaged.
    /// Call at most once per posting, and not after `keepStarts` on it (`PhraseMatcher`
    /// remembers what it found).
    func appendPositions(to positions: inout ScratchBuffer<UInt32>) -> Bool {
        guard stepToCurrentPositions() else { return false }
        var position: UInt32 = 0
        let count = Int(frequencies[index])
        for _ in 0..<count {
            guard let value = Varint.read(positionBytes, at: &byteOffset, end: positionBytes.count) else { return false }
            position &+= value
            positions.append(position)
        }
        positionsConsumed = positionsBefore + count
        return true
    }

    /// Keeps the `starts` (ascending) at which the term occurs `offset` words later in the
    /// current document, reading its positions only as far as the last start needs them;
    /// `false` if the file's positions are damaged. The same once-per-posting rule as
    /// `appendPositions`.
    func keepStarts(_ starts: inout ScratchBuffer<Int>, offset: Int) -> Bool {
        guard stepToCurrentPositions() else { return false }
        let count = Int(frequencies[index])
        var position = 0, read = 0, kept = 0
        scan: for next in 0..<starts.count {
            let wanted = starts[next] + offset
            while read == 0 || position < wanted {
                guard read < count else { break scan }
                guard let value = Varint.read(positionBytes, at: &byteOffset, end: positionBytes.count) else { return false }
                position += Int(value)
                read += 1
            }
            if position == wanted {
                starts[kept] = starts[next]
                kept += 1
            }
        }
        starts.shrink(to: kept)
        positionsConsumed = positionsBefore + read
        return true
    }

    /// Steps over the positions of the postings passed by, to the current posting's.
    private func stepToCurrentPositions() -> Bool {
        guard index >= 0, index < documents.count, positionsConsumed <= positionsBefore else { return false }
        guard Varint.skip(positionsBefore - positionsConsumed, in: positionBytes, at: &byteOffset,
                          end: positionBytes.count) else { return false }
        positionsConsumed = positionsBefore
        return true
    }
}
