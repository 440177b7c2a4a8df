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

    /// The parts of `word` to index besides the word itself (none, one or two).
    static func parts(of word: String) -> [Substring] {
        guard word.utf8.contains(apostrophe),
              let first = word.utf8.firstIndex(of: apostrophe),
              let last = word.utf8.lastIndex(of: apostrophe)
        else { return [] }
        var parts: [Substring] = []
        let head = word[..<first]
        if head.unicodeScalars.count >= 2 { parts.append(head) }
        let tail = word[word.utf8.index(after: last)...]
        if tail.unicodeScalars.count >= 2 { parts.append(tail) }
        return parts
    }

    private static let apostrophe = UInt8(ascii: "'")
}
