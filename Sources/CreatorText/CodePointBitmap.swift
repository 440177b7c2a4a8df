/// Membership in an ICU character set with one bit per BMP code point (8 KiB), falling back
/// to the ICU set above the BMP.
///
/// ICU's frozen sets answer in constant time only for 64-code-point blocks that are wholly
/// in or out of the set, and binary-search the set's ranges otherwise. The sets that
/// `UnchangedTokenCheck` needs have the ~3,500 traditional Chinese characters taken out, so
/// nearly every CJK block is mixed; with the bitmap a Chinese or Japanese token costs one
/// lookup per character.
struct CodePointBitmap {
    private let words: [UInt64]
    private let set: ICUCharacterSet

    init(_ set: ICUCharacterSet) {
        var words = [UInt64](repeating: 0, count: 0x10000 / 64)
        for (start, end) in set.ranges where start <= 0xFFFF {
            for scalar in start...min(end, 0xFFFF) {
                words[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63)
            }
        }
        self.words = words
        self.set = set
    }

    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        guard scalar <= 0xFFFF else { return set.contains(scalar) }
        return words[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }
}
