internal import CPostings

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
    /// below 0x80); `false` when `end` comes first, with `cursor` at `end`. More than a few
    /// are counted by `cpost_skip_varints` (32 bytes at a time with AVX2): stepping over a
    /// common word's positions to reach one document's is a scan of the positions before it.
    @inline(__always)
    static func skip(_ count: Int, in bytes: UnsafeRawBufferPointer, at cursor: inout Int, end: Int) -> Bool {
        // A few values (a document's positions) are quicker to step over here than to call out for.
        if count <= 8 {
            var left = count
            while left > 0 {
                guard cursor < end else { return false }
                if bytes[cursor] < 0x80 { left -= 1 }
                cursor += 1
            }
            return true
        }
        guard cursor < end, let base = bytes.baseAddress else {
            cursor = max(cursor, end)
            return false
        }
        let passed = cpost_skip_varints(base.advanced(by: cursor).assumingMemoryBound(to: UInt8.self), end - cursor, count)
        guard passed >= 0 else {
            cursor = end
            return false
        }
        cursor += passed
        return true
    }
}
