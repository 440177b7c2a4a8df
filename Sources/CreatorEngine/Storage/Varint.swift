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
}
