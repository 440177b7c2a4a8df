/// Searching UTF-8 bytes eight at a time (one 64-bit word per step) for the analyser's
/// scans over whole texts, where most bytes are skipped.
enum ByteScan {
    /// A word with the top bit set in the lowest byte of `word` that is zero (bytes above
    /// a zero byte may be flagged too; the lowest flag is always right), zero if none is.
    @inline(__always)
    static func zeroByteFlags(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// The first index at or after `index` whose byte `matches` (or `bytes.count`).
    /// `flags` maps eight bytes, read as a little-endian word (the first byte lowest), to a
    /// word whose lowest set bit lies in the first matching byte, zero if none matches.
    @inline(__always)
    static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from index: Int, flags: (UInt64) -> UInt64,
                           where matches: (UInt8) -> Bool) -> Int {
        var index = index
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let found = flags(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, !matches(bytes[index]) { index += 1 }
        return index
    }
}
