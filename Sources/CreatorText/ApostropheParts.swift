/// Extra tokens for words that ICU keeps whole across an apostrophe.
///
/// ICU's word rules keep `İstanbul'da`, `l'été`, `nike's` and `don't` as one word each
/// (an apostrophe between letters is word-internal). Then a search for `istanbul` misses
/// the Turkish `İstanbul'da` (in Istanbul), and `ete` misses the French `l'été`. So a
/// folded word with an apostrophe is also indexed, at the same position, by the part before
/// its first apostrophe and the part after its last, each when it has at least two
/// characters: `istanbul'da` → `istanbul`, `da`; `l'ete` → `ete`; `nike's` → `nike`;
/// `don't` → `don`. This stands in for language-specific filters (Turkish apostrophe,
/// French and Italian elision, English possessive) in an analyser that is not told the
/// language. Typographic apostrophes have already become `'` (`DiacriticFolder`).
enum ApostropheParts {
    /// A cheap test on a word's raw UTF-8: false means it has no apostrophe (`'`, or the
    /// U+2018/U+2019 quotes, whose UTF-8 starts with 0xE2), so `parts` can be skipped.
    @inline(__always)
    static func mayHaveApostrophe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == apostrophe || byte == 0xE2 { return true }
        return false
    }

    /// Where the parts of the folded UTF-8 `word` to index besides the word itself lie in
    /// it (none, one or two, head first).
    static func partRanges(of word: UnsafeBufferPointer<UInt8>) -> (head: Range<Int>?, tail: Range<Int>?) {
        guard let first = word.firstIndex(of: apostrophe), let last = word.lastIndex(of: apostrophe) else {
            return (nil, nil)
        }
        let head = 0..<first
        let tail = (last + 1)..<word.count
        return (scalarCount(word, head) >= 2 ? head : nil, scalarCount(word, tail) >= 2 ? tail : nil)
    }

    /// The number of scalars in `range` of well-formed UTF-8: the bytes that do not continue one.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private static let apostrophe = UInt8(ascii: "'")
}
