/// Reading the varints `ByteWriter.appendVarint` writes (LEB128: 7 bits a byte, low bits
/// first, the high bit set on every byte but the last). Postings, positions and overlap
/// lists all use them, so every reader decodes them here.
enum Varint {
    /// The value starting at `cursor`, which moves past it; nil when `end` comes first or
    /// the value does not fit 32 bits (damaged bytes), with `cursor` where reading stopped.
    @inline(__always)
    static func read(_ bytes: UnsafeRawBufferPointer, at cursor: inout Int, end: Int) -> UInt32? {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while cursor < end, shift < 32 {
            let byte = bytes[cursor]
            cursor += 1
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    /// Moves `cursor` past `count` values without decoding them (a value ends at each byte
    /// below 0x80), eight bytes at a time while the last end wanted lies further on, then a
    /// byte at a time; `false` when `end` comes first, with `cursor` at `end`.
    @inline(__always)
    static func skip(_ count: Int, in bytes: UnsafeRawBufferPointer, at cursor: inout Int, end: Int) -> Bool {
        var left = count
        // A word holds at most eight ends, so one with fewer than `left` is passed whole;
        // under two values left, the bytes are quicker to test than to count.
        while left > 1, cursor + 8 <= end {
            let word = bytes.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
            let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            guard ends < left else { break }
            left -= ends
            cursor += 8
        }
        while left > 0 {
            guard cursor < end else { return false }
            if bytes[cursor] < 0x80 { left -= 1 }
            cursor += 1
        }
        return true
    }
}
