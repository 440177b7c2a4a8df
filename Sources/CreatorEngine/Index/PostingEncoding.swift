internal import CPostings

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
    private static let escape = UInt32(CPOST_FREQUENCY_ESCAPE)

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
    ///
    /// `cpost_decode_postings` does it: sixteen one-byte deltas, or sixteen codes, at a time
    /// with AVX-512 (a common word's deltas are nearly all one byte), else a posting at a time.
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, documentLimit: UInt32,
                       documents: UnsafeMutableBufferPointer<UInt32>, frequencies: UnsafeMutableBufferPointer<UInt32>) -> Bool {
        guard count <= documents.count, count <= frequencies.count else { return false }
        guard count > 0 else { return bytes.isEmpty }
        guard let base = bytes.baseAddress, let documentBase = documents.baseAddress,
              let frequencyBase = frequencies.baseAddress else { return false }
        return cpost_decode_postings(base.assumingMemoryBound(to: UInt8.self), bytes.count, count, documentLimit,
                                     documentBase, frequencyBase) != 0
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
