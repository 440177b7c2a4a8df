internal import CPostings
import Synchronization

/// Many ascending lists of documents (a facet's values, an audience dimension's keys) in
/// half the bytes of `u32`s: each document is kept as its low 16 bits, and its chunk
/// (`document >> 16`) is given by where it sits in its list, as in Roaring's array
/// containers. Reading a list widens it back to `u32`s, so the query code keeps working on
/// plain sorted lists; a long list is widened once and kept (`widened`).
///
/// Layout, from `offset` in a section:
///
/// ```
/// u32 listCount · u32 chunkCount            chunkCount = ⌈documentCount / 65,536⌉, at least 1
/// u64 starts[listCount + 1]                 where each list's entries start among all entries
/// u32 chunkEnds[listCount × chunkCount]     per list: its entries before the end of each chunk
///                                           (the last is the list's length)
/// u16 lows[entries]                         each document's low 16 bits, padded to 8 bytes
/// ```
///
/// At a million creators this halves the facet lists and the audience dimensions' inverted
/// documents: 57 MB less (index format 12).
public enum ChunkedDocumentLists {
    static let chunkShift = 16

    /// Chunks for `documentCount` documents.
    static func chunkCount(documentCount: Int) -> Int { max(1, (documentCount + 0xFFFF) >> chunkShift) }

    /// Appends `lists` (each ascending, every document below `documentCount`).
    static func encode(_ lists: [[UInt32]], documentCount: Int, into writer: inout ByteWriter) {
        let chunks = chunkCount(documentCount: documentCount)
        writer.append(UInt32(lists.count))
        writer.append(UInt32(chunks))
        var start: UInt64 = 0
        writer.append(start)
        for list in lists {
            start += UInt64(list.count)
            writer.append(start)
        }
        for list in lists {
            var position = 0
            for chunk in 0..<chunks {
                let end = UInt32(chunk + 1) << chunkShift
                while position < list.count, chunk == chunks - 1 || list[position] < end { position += 1 }
                writer.append(UInt32(position))
            }
        }
        for list in lists {
            for document in list { writer.append(UInt16(truncatingIfNeeded: document)) }
        }
        writer.align(to: 8)
    }

    /// The lists read in place from a mapped section.
    // Views into an immutable mapping owned by the index: safe to share.
    public struct Reader: @unchecked Sendable {
        public let listCount: Int
        let chunkCount: Int
        let starts: UnsafeBufferPointer<UInt64>
        let chunkEnds: UnsafeBufferPointer<UInt32>
        let lows: UnsafeBufferPointer<UInt16>
        /// Bytes the lists occupy from their offset, padded to 8.
        public let encodedLength: Int
        /// The long lists widened so far, by list.
        private let kept = KeptLists()

        /// Checks that the lists add up, and that no document reaches `documentCount` (lists
        /// are read as indexes into per-document arrays).
        init(_ view: ByteView, at offset: Int, documentCount: Int) throws {
            listCount = Int(try view.load(UInt32.self, at: offset))
            chunkCount = Int(try view.load(UInt32.self, at: offset + 4))
            let expectedChunks = ChunkedDocumentLists.chunkCount(documentCount: documentCount)
            guard chunkCount == expectedChunks else {
                throw view.corrupt("\(chunkCount) chunks of documents, expected \(expectedChunks)")
            }
            starts = try view.array(of: UInt64.self, at: offset + 8, count: listCount + 1)
            let endsStart = offset + 8 + (listCount + 1) * 8
            chunkEnds = try view.array(of: UInt32.self, at: endsStart, count: listCount * chunkCount)
            guard starts[0] == 0, starts[listCount] <= UInt64(Int.max / 2) else { throw view.corrupt("list starts out of range") }
            let entries = Int(starts[listCount])
            let lowsStart = endsStart + listCount * chunkCount * 4
            lows = try view.array(of: UInt16.self, at: lowsStart, count: entries)
            encodedLength = (lowsStart + entries * 2 + 7) / 8 * 8 - offset
            let lastBase = (chunkCount - 1) << ChunkedDocumentLists.chunkShift
            for list in 0..<listCount {
                guard starts[list] <= starts[list + 1] else { throw view.corrupt("list starts out of order") }
                let length = Int(starts[list + 1] - starts[list])
                var previous: UInt32 = 0
                for chunk in 0..<chunkCount {
                    let end = chunkEnds[list * chunkCount + chunk]
                    guard end >= previous, Int(end) <= length else { throw view.corrupt("list \(list): chunk ends out of order") }
                    previous = end
                }
                guard Int(previous) == length else { throw view.corrupt("list \(list): chunk ends do not add up") }
                // Only the last chunk can hold documents past the end.
                let first = Int(starts[list]), lastChunkStart = chunkCount > 1 ? Int(chunkEnds[list * chunkCount + chunkCount - 2]) : 0
                for entry in (first + lastChunkStart)..<(first + length) where lastBase + Int(lows[entry]) >= documentCount {
                    throw view.corrupt("list \(list): document \(lastBase + Int(lows[entry])) beyond \(documentCount)")
                }
            }
        }

        /// The entries of `list` among all entries (for arrays kept beside them, such as shares).
        public func range(of list: Int) -> Range<Int> { Int(starts[list])..<Int(starts[list + 1]) }

        public func count(of list: Int) -> Int { range(of: list).count }

        /// The entries of all lists together.
        public var entryCount: Int { Int(starts[listCount]) }

        /// Writes the documents of `list`, ascending, to `out` (room for `count(of: list)`).
        func decode(_ list: Int, into out: UnsafeMutableBufferPointer<UInt32>) {
            let range = range(of: list)
            precondition(out.count >= range.count, "no room for the list")
            guard !range.isEmpty, let lows = lows.baseAddress, let ends = chunkEnds.baseAddress, let out = out.baseAddress else { return }
            cpost_widen_chunked(lows + range.lowerBound, ends + list * chunkCount, chunkCount, out)
        }

        /// Lists at least this long are widened once and kept for the reader's life.
        ///
        /// Widening allocates and writes four bytes a document: for `lang:en` at 1M creators
        /// (440k) about 0.2 ms with the allocation's page faults, which doubled the facet
        /// queries' median when each query paid it (1M mix: 0.247 ms, 0.116 kept). Kept, the
        /// long lists cost what the `u32` lists of format 11 cost to map: at most 4 bytes an
        /// entry (115 MB at 1M if every facet value and audience key is read), in memory
        /// instead of on disk.
        static let keptLength = 1_024

        /// The documents of `list`, ascending: kept when long, else widened for the caller.
        func widened(_ list: Int) -> OwnedBuffer<UInt32> {
            let long = count(of: list) >= Self.keptLength
            if long, let known = kept.lists.withLock({ $0[list] }) { return known }
            let memory = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: count(of: list))
            decode(list, into: memory)
            let made = OwnedBuffer(adopting: memory)
            guard long else { return made }
            return kept.lists.withLock { kept in
                if let known = kept[list] { return known }
                kept[list] = made
                return made
            }
        }
    }
}

/// The widened long lists of one `ChunkedDocumentLists.Reader`, shared by its copies.
private final class KeptLists: Sendable {
    let lists = Mutex<[Int: OwnedBuffer<UInt32>]>([:])
}
