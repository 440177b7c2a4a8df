/// Korean words and katakana words as overlapping pairs of characters, as Lucene's CJK
/// bigram filter indexes them.
///
/// Korean writes particles and endings onto the word (`서울에서`, "in Seoul"; `스킨케어를`)
/// and often joins compounds without a space (`스킨케어루틴`), and ICU's word break keeps
/// each such run whole (it has no Korean dictionary). Japanese writes loanwords in katakana
/// and joins them without a space (`プチプラコーデ`, "budget outfit"), and ICU's dictionary
/// keeps a compound it does not know whole. A search for `서울`, `스킨케어` or `コーデ` then
/// found none of them. So a word's runs of Hangul syllables, and its runs of katakana,
/// become their overlapping pairs at consecutive positions (`서울에서` → `서울`, `울에`,
/// `에서`; `プチプラコーデ` → `プチ`, `チプ`, `プラ`, `ラコ`, `コー`, `ーデ`), and since
/// queries are analysed alike, a query word of two or more such characters finds every text
/// holding it: `서울` finds `서울에서`, and `コーデ` (`コー`, `ーデ`, both required) finds
/// `プチプラコーデ`. A quoted phrase needs the pairs in a row, so `"스킨케어 루틴"` matches
/// `스킨케어 루틴` only. A run of one character stays one term and finds that word alone
/// (`책` does not find `책을`). Other characters in the word stay terms of their own, in
/// order (`e스포츠` → `e`, `스포`, `포츠`; `コスメ好き` → `コス`, `スメ`, `好き`), and a pair
/// never joins two scripts. A two-character word is its own pair, so most Korean words index
/// as before.
///
/// Katakana here is U+30A1–U+30FA and U+31F0–U+31FF (halfwidth katakana is folded to these
/// first); the prolonged sound mark `ー` and the iteration marks `ヽ` `ヾ` `ヿ` continue a
/// katakana run but do not start one, since hiragana uses them too (`すごーい` stays whole).
/// The middle dot `・` separates words, as ICU already treats it.
enum CharacterBigrams {
    private enum Script: Equatable {
        case hangul, katakana
    }

    /// A cheap test on a word's raw UTF-8: false means it has no Hangul syllable (U+AC00 to
    /// U+D7A3, whose UTF-8 starts with 0xEA to 0xED) and no katakana, full width (U+30A1 to
    /// U+30FF and U+31F0 to U+31FF: 0xE3 then 0x82, 0x83 or 0x87) or half width (U+FF66 to
    /// U+FF9F: 0xEF then 0xBD or 0xBE), so `splitLastTerm` can be skipped. True may be wrong.
    @inline(__always)
    static func mayHavePairs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0xEA && byte <= 0xED { return true }
            if index + 1 < bytes.count {
                let next = bytes[index + 1]
                if byte == 0xE3 && (next == 0x82 || next == 0x83 || next == 0x87) { return true }
                if byte == 0xEF && (next == 0xBD || next == 0xBE) { return true }
            }
            index += 1
        }
        return false
    }

    /// Replaces the arena's last term (a folded word at `position`) by its pieces: pairs of
    /// syllables or katakana, lone ones and other runs, at `position`, `position + 1`, …;
    /// returns how many positions the word now takes (1 when it is left as it was).
    /// `scratch` is reused between calls.
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
            // In one pass: a pair at each character of a run that follows another, a lone
            // character when its run ends after one, other runs whole when they end.
            var otherStart: Int?
            var previous: Int?
            var runScript: Script?
            var runLength = 0
            var index = 0
            func endRun(at end: Int) {
                if runLength == 1, let lone = previous { emit(lone..<end) }
                previous = nil
                runScript = nil
                runLength = 0
            }
            while index < word.count {
                let (scalar, length) = UTF8Scalars.decode(word, at: index)
                if let script = script(of: scalar, continuing: runScript) {
                    if let start = otherStart { emit(start..<index) }
                    otherStart = nil
                    if script != runScript { endRun(at: index) }
                    runScript = script
                    if let previous { emit(previous..<(index + length)) }
                    previous = index
                    runLength += 1
                } else {
                    endRun(at: index)
                    if otherStart == nil { otherStart = index }
                }
                index += length
            }
            endRun(at: word.count)
            if let start = otherStart { emit(start..<word.count) }
            return next - position
        }
    }

    /// Whether splitting changes the word: it has a run of pairable characters, and is not
    /// just one run of one or two of them (which stays as it is).
    private static func needsSplit(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var paired = 0, others = 0, runs = 0, index = 0
        var runScript: Script?
        while index < word.count {
            let (scalar, length) = UTF8Scalars.decode(word, at: index)
            if let script = script(of: scalar, continuing: runScript) {
                if script != runScript { runs += 1 }
                runScript = script
                paired += 1
            } else {
                runScript = nil
                others += 1
            }
            index += length
        }
        return paired > 0 && (others > 0 || runs > 1 || paired > 2)
    }

    /// The script whose run `scalar` belongs to, given the run it follows (`nil`: none).
    @inline(__always)
    private static func script(of scalar: UInt32, continuing run: Script?) -> Script? {
        switch scalar {
        case 0xAC00...0xD7A3: .hangul
        case 0x30A1...0x30FA, 0x31F0...0x31FF: .katakana
        case 0x30FC...0x30FF: run == .katakana ? .katakana : nil  // ー ヽ ヾ ヿ
        default: nil
        }
    }
}
