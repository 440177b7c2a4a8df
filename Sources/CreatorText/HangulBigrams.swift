/// Korean words as overlapping pairs of syllables, as Lucene's CJK bigram filter indexes them.
///
/// Korean writes particles and endings onto the word (`서울에서`, "in Seoul"; `스킨케어를`)
/// and often joins compounds without a space (`스킨케어루틴`), and ICU's word break keeps
/// each such run whole (it has no Korean dictionary). A search for `서울` or `스킨케어` then
/// found none of them. So a word's runs of Hangul syllables become their overlapping pairs
/// at consecutive positions (`서울에서` → `서울`, `울에`, `에서`), and since queries are
/// analysed alike, a query word of two or more syllables finds every text holding it:
/// `서울` finds `서울에서`, and `스킨케어` (`스킨`, `킨케`, `케어`, all required) finds
/// `스킨케어루틴`. A quoted phrase needs the pairs in a row, so `"스킨케어 루틴"` matches
/// `스킨케어 루틴` only. A run of one syllable stays one term and finds that word alone
/// (`책` does not find `책을`). Other characters in the word stay terms of their own, in
/// order (`e스포츠` → `e`, `스포`, `포츠`). A two-syllable word is its own pair, so most
/// Korean words index as before.
enum HangulBigrams {
    /// A cheap test on a word's raw UTF-8: false means it has no Hangul syllable (U+AC00 to
    /// U+D7A3, whose UTF-8 starts with 0xEA to 0xED), so `splitLastTerm` can be skipped.
    @inline(__always)
    static func mayHaveSyllables(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0xEA && byte <= 0xED { return true }
        return false
    }

    /// Replaces the arena's last term (a folded word at `position`) by its pieces: pairs of
    /// syllables, lone syllables and other runs, at `position`, `position + 1`, …; returns
    /// how many positions the word now takes (1 when it is left as it was). `scratch` is
    /// reused between calls.
    static func splitLastTerm(of arena: inout TermArena, position: UInt32, scratch: inout [UInt8]) -> UInt32 {
        let range = arena.range(of: arena.count - 1)
        guard arena.bytes.withUnsafeBufferPointer({ needsSplit(UnsafeBufferPointer(rebasing: $0[range])) }) else { return 1 }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: arena.bytes[range])
        arena.removeLastTerm()
        return scratch.withUnsafeBufferPointer { word in
            var next = position
            func emit(_ piece: Range<Int>) {
                arena.append(UnsafeBufferPointer(rebasing: word[piece]), position: next)
                next += 1
            }
            // In one pass: a pair at each syllable that follows another, a lone syllable
            // when its run ends after one, other runs whole when they end.
            var otherStart: Int?
            var previousSyllable: Int?
            var runLength = 0
            var index = 0
            while index < word.count {
                let (scalar, length) = UTF8Scalars.decode(word, at: index)
                if isSyllable(scalar) {
                    if let start = otherStart { emit(start..<index) }
                    otherStart = nil
                    if let previous = previousSyllable { emit(previous..<(index + length)) }
                    previousSyllable = index
                    runLength += 1
                } else {
                    if runLength == 1, let lone = previousSyllable { emit(lone..<index) }
                    previousSyllable = nil
                    runLength = 0
                    if otherStart == nil { otherStart = index }
                }
                index += length
            }
            if runLength == 1, let lone = previousSyllable { emit(lone..<word.count) }
            if let start = otherStart { emit(start..<word.count) }
            return next - position
        }
    }

    /// Whether the word has a syllable and is not just one or two syllables (which stay
    /// as they are).
    private static func needsSplit(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var syllables = 0, others = 0, index = 0
        while index < word.count {
            let (scalar, length) = UTF8Scalars.decode(word, at: index)
            if isSyllable(scalar) { syllables += 1 } else { others += 1 }
            index += length
        }
        return syllables > 0 && (others > 0 || syllables > 2)
    }

    @inline(__always)
    private static func isSyllable(_ scalar: UInt32) -> Bool { scalar >= 0xAC00 && scalar <= 0xD7A3 }
}
