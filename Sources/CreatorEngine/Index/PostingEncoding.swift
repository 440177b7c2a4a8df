/// How one term's postings are stored in `text.<field>.postings` (its positions follow):
///
/// ```
/// varint document deltas[count]      the first document as is
/// u8 frequencies[(count + 1) / 2]    frequency − 1 per posting, four bits each (the low
///                                    half of a byte first); 15 means "see below"
/// varint large frequencies[]         frequency − 16 of each posting marked 15, in order
/// ```
/// Deltas and frequencies are apart so that each is decoded by a loop without a branch on
/// the data: interleaved, with the frequency folded into the delta as Lucene does, the
/// choice at every posting of a common word (is a frequency there?) made decoding 2.5 times
/// slower. Four bits hold every frequency but a few (most are 1 to 3) and save half a byte a
/// posting against a varint.
enum PostingEncoding {
    private static let escape: UInt32 = 15

    /// Appends one term's postings: documents ascending, frequencies at least 1.
    static func append(documents: [UInt32], frequencies: [UInt32], to bytes: inout ByteWriter) {
        var previous: UInt32 = 0
        for (index, document) in documents.enumerated() {
            bytes.appendVarint(UInt64(index == 0 ? document : document - previous))
            previous = document
        }
        var pair: UInt8 = 0
        for (index, frequency) in frequencies.enumerated() {
            let code = UInt8(min(frequency - 1, escape))
            if index & 1 == 0 { pair = code } else { bytes.append(pair | code << 4) }
        }
        if frequencies.count & 1 == 1 { bytes.append(pair) }
        for frequency in frequencies where frequency - 1 >= escape { bytes.appendVarint(UInt64(frequency - 1 - escape)) }
    }

    /// Decodes `count` postings from exactly one term's postings bytes into `documents` and
    /// `frequencies` (room for `count` each); `false` when they are not documents ascending
    /// below `documentLimit` or the bytes and `count` do not add up (damaged bytes or a
    /// damaged count, though a damaged count can add up by chance: the format keeps no
    /// lengths of its own), with the buffers' contents undefined.
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, documentLimit: UInt32,
                       documents: UnsafeMutableBufferPointer<UInt32>, frequencies: UnsafeMutableBufferPointer<UInt32>) -> Bool {
        let end = bytes.count
        var offset = 0
        var document: UInt32 = 0
        var index = 0
        if count > 0 {
            guard let first = Varint.read(bytes, at: &offset, end: end) else { return false }
            document = first
            documents[0] = first
            index = 1
        }
        while index < count {
            // Eight deltas of one byte each, as most of a common word's are, added without a
            // branch per byte: taken when the next eight bytes are all below 0x80 and none is
            // 0 (a zero delta is damage; the general loop below refuses it), and when eight
            // deltas of 127 cannot overflow.
            if count - index >= 8, end - offset >= 8, document <= UInt32.max - 8 * 127 {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let highBits: UInt64 = 0x8080_8080_8080_8080, lowBits: UInt64 = 0x0101_0101_0101_0101
                if word & highBits == 0, (word &- lowBits) & ~word & highBits == 0 {
                    for byte in 0..<8 {
                        document &+= UInt32(truncatingIfNeeded: word >> UInt64(8 * byte)) & 0xFF
                        documents[index + byte] = document
                    }
                    index += 8
                    offset += 8
                    continue
                }
            }
            guard let delta = Varint.read(bytes, at: &offset, end: end),
                  let next = Self.document(after: document, delta: delta) else { return false }
            document = next
            documents[index] = document
            index += 1
        }
        // Ascending, so the last is the largest.
        guard count == 0 || document < documentLimit else { return false }
        let codes = offset, codeBytes = (count + 1) / 2
        guard codeBytes <= end - codes else { return false }
        var large = codes + codeBytes
        // `frequency(_:codes:index:large:)` reads one code the same way; this loop keeps its
        // own copy without the bounds check per posting (the codes' length is checked above),
        // which was 7–10 % of "Trying music for" in interleaved runs. Sixteen codes (eight
        // bytes) at a time, from an even posting, when none of them is the escape.
        index = 0
        while index < count {
            if index & 1 == 0, count - index >= 16 {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: codes + index >> 1, as: UInt64.self))
                let inverted = ~word  // an escape (15) is a zero nibble here
                if (inverted &- 0x1111_1111_1111_1111) & ~inverted & 0x8888_8888_8888_8888 == 0 {
                    for nibble in 0..<16 {
                        frequencies[index + nibble] = UInt32(truncatingIfNeeded: word >> UInt64(4 * nibble)) & 0x0F + 1
                    }
                    index += 16
                    continue
                }
            }
            let code = UInt32(bytes[codes + index >> 1] >> UInt8((index & 1) << 2) & 0x0F)
            frequencies[index] = code + 1
            if code == escape {
                guard let extra = Varint.read(bytes, at: &large, end: end), extra < UInt32.max - escape else { return false }
                frequencies[index] = extra + escape + 1
            }
            index += 1
        }
        return large == end
    }

    /// The document `delta` after `previous`, `nil` for damage: postings ascend strictly,
    /// so a delta is at least 1, and documents stay below 2^32.
    @inline(__always) static func document(after previous: UInt32, delta: UInt32) -> UInt32? {
        let (next, overflow) = previous.addingReportingOverflow(delta)
        return delta > 0 && !overflow ? next : nil
    }

    /// Where the frequency codes start: after `count` varint deltas (`nil` if the bytes end first).
    static func codesStart(_ bytes: UnsafeRawBufferPointer, count: Int) -> Int? {
        var offset = 0
        return Varint.skip(count, in: bytes, at: &offset, end: bytes.count) ? offset : nil
    }

    /// The frequency of posting `index` from the codes at `codes`, reading a large one at
    /// `large` (which moves past it); `nil` when damaged.
    @inline(__always)
    static func frequency(_ bytes: UnsafeRawBufferPointer, codes: Int, index: Int, large: inout Int) -> UInt32? {
        let position = codes + index >> 1
        guard position < bytes.count else { return nil }
        let code = UInt32(bytes[position] >> UInt8((index & 1) << 2) & 0x0F)
        guard code == escape else { return code + 1 }
        guard let extra = Varint.read(bytes, at: &large, end: bytes.count), extra < UInt32.max - escape else { return nil }
        return extra + escape + 1
    }
}
