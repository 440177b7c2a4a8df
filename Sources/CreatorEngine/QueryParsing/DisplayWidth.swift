/// How many terminal cells a character takes: 2 for East Asian wide and full-width
/// characters, 1 otherwise. Used only to align the caret line of `QueryError`.
///
/// A simple check of the first scalar against the wide blocks (Hangul Jamo and
/// syllables, CJK radicals/punctuation/ideographs, kana, Yi, compatibility ideographs,
/// full-width forms, and the common emoji blocks), not the full Unicode
/// East-Asian-Width table: enough for CJK, Korean, Japanese and emoji in queries.
enum DisplayWidth {
    static func cells(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return isWide(scalar.value) ? 2 : 1
    }

    static func cells<S: Sequence<Character>>(of characters: S) -> Int {
        characters.reduce(0) { $0 + cells(of: $1) }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,   // Hangul Jamo initials
             0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic punctuation and space
             0x3041...0x33FF,   // kana, Bopomofo, Hangul compatibility Jamo, CJK symbols
             0x3400...0x4DBF,   // CJK extension A
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xA000...0xA4CF,   // Yi
             0xA960...0xA97F,   // Hangul Jamo extended A
             0xAC00...0xD7A3,   // Hangul syllables
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFE30...0xFE4F,   // CJK compatibility forms
             0xFF00...0xFF60,   // full-width forms
             0xFFE0...0xFFE6,   // full-width signs
             0x1F300...0x1F64F, // pictographs, emoticons
             0x1F900...0x1F9FF, // supplemental pictographs
             0x20000...0x2FFFD, // CJK extensions B–F
             0x30000...0x3FFFD: // CJK extension G and later
            return true
        default:
            return false
        }
    }
}
