internal import CICU

/// Removes diacritics, so that text typed without them finds text with them.
///
/// - Latin, Greek and Cyrillic: `café` → `cafe`, `São` → `sao`, `việt` → `viet`,
///   `αθήνα` → `αθηνα`, `ёлка` → `елка`; the remaining non-ASCII Latin letters are spelt in
///   ASCII: `ærø` → `aero`, `łódź` → `lodz`, `ıstanbul` → `istanbul`.
/// - Arabic and Hebrew: the optional vowel marks (harakat, shadda, niqqud) and the hamza
///   and madda marks on alef, waw and yeh, which everyday writing leaves out
///   (`مَرْحَبًا` → `مرحبا`, `أحمد` → `احمد`), and the kashida (U+0640) that only stretches a word.
/// - Typographic apostrophes (U+2018, U+2019) become `'`, as ICU's word rules treat both as
///   the same word-internal mark (`don’t` → `don't`).
///
/// Steps (on an NFKC-case-folded token): NFD; drop each nonspacing mark that follows a
/// letter of those scripts; NFC; then ICU's `Latin-ASCII` transliterator if a non-ASCII
/// Latin letter is left (æ, ø, ł, đ, ı, þ …).
///
/// Marks on other scripts are kept: in Thai, Devanagari or Khmer they are vowels, and
/// Japanese dakuten (が = か + U+3099) change the word. One Cyrillic mark is kept too: the
/// breve of `й` and `ў`, which are letters of their own that Russian and Belarusian writers
/// never leave out (`мой` and `мои` differ), unlike `ё`, which is usually written `е`.
///
/// Turkish: `İ` case-folds to `i` + U+0307 and loses the dot here, and dotless `ı` becomes
/// `i` through `Latin-ASCII`, so `İstanbul`, `ISTANBUL`, `istanbul` and `ıstanbul` all fold
/// to `istanbul`. The analyser does not use Turkish-specific case mapping (it would turn
/// `I` into `ı`, and it needs to know the text is Turkish, which a query does not say).
final class DiacriticFolder {
    private let decompose: OpaquePointer
    private let compose: OpaquePointer
    /// Characters whose presence means this step may change a token.
    let trigger: ICUCharacterSet
    /// The marks this step removes (after a letter of a folded script).
    private let removableMarks: ICUCharacterSet
    private let nonASCIILatin: ICUCharacterSet
    private let latinASCII: Transliterator

    init() throws(AnalysisError) {
        var status = U_ZERO_ERROR
        guard let nfd = cicu_unorm2_getNFDInstance(&status), !status.isFailure,
              let nfc = cicu_unorm2_getNFCInstance(&status), !status.isFailure
        else {
            throw AnalysisError.icuFailure(operation: "unorm2_getNFDInstance/NFCInstance", errorName: status.name)
        }
        decompose = nfd
        compose = nfc
        trigger = try ICUCharacterSet(pattern: Self.triggerPattern)
        removableMarks = try ICUCharacterSet(pattern: Self.removableMarksPattern)
        nonASCIILatin = try ICUCharacterSet(pattern: "[[:Latin:]-[\\u0000-\\u007F]]")
        latinASCII = try Transliterator(id: "Latin-ASCII")
    }

    /// Nonspacing marks of the scripts this step folds, and the generic combining marks
    /// (script Inherited: U+0300–U+036F and the like, Arabic harakat). Marks of other
    /// scripts (a Thai vowel sign, say) are never removed, whatever letter they follow.
    static let removableMarksPattern =
        "[[:Nonspacing_Mark:]&[[:Inherited:][:Latin:][:Greek:][:Cyrillic:][:Arabic:][:Hebrew:]]]"

    /// Non-ASCII Latin letters; Greek, Cyrillic, Arabic and Hebrew letters with a canonical
    /// decomposition (except й and ў, which this step leaves alone); the removable marks;
    /// the kashida; the typographic apostrophes.
    static let triggerPattern =
        "[[[:Latin:]-[\\u0000-\\u007F]]"
        + "[[[[:Greek:][:Cyrillic:][:Arabic:][:Hebrew:]]&[:NFD_Quick_Check=No:]]-[йЙўЎ]]"
        + removableMarksPattern
        + "[\\u0640\\u2018\\u2019]]"

    /// Whether folding could change `units`.
    func mayChange(_ units: UnsafeBufferPointer<UInt16>) -> Bool { trigger.containsAny(units) }

    /// Folds `buffers.current` (the result stays in `buffers.current`). A step that ICU
    /// fails (it can only run out of memory here) is skipped, leaving the text partly folded.
    func fold(_ buffers: inout UTF16BufferPair) {
        if normalize(decompose, &buffers) {
            stripMarks(buffers.current)
            normalize(compose, &buffers)
        }
        if nonASCIILatin.containsAny(buffers.current.contents),
           latinASCII.transliterate(buffers.current, into: buffers.spare) {
            buffers.swap()
        }
    }

    @discardableResult
    private func normalize(_ normalizer: OpaquePointer, _ buffers: inout UTF16BufferPair) -> Bool {
        let source = buffers.current
        let done = buffers.spare.fill { destination, capacity, status in
            cicu_unorm2_normalize(normalizer, source.base, Int32(source.count), destination, capacity, &status)
        }
        if done { buffers.swap() }
        return done
    }

    /// Drops, in place, the removable marks that follow a Latin, Greek, Cyrillic, Arabic or
    /// Hebrew letter (keeping the Cyrillic breve) and the kashida, and turns typographic
    /// apostrophes into `'`.
    private func stripMarks(_ buffer: UTF16Buffer) {
        let units = buffer.base
        let count = buffer.count
        var read = 0
        var write = 0
        var baseTakesFolding = false
        var baseKeepsBreve = false
        while read < count {
            var scalar = UInt32(units[read])
            var length = 1
            if (0xD800...0xDBFF).contains(scalar), read + 1 < count, (0xDC00...0xDFFF).contains(units[read + 1]) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[read + 1]) - 0xDC00)
                length = 2
            }
            let category = cicu_u_charType(UChar32(bitPattern: scalar))
            let isMark = category == U_NON_SPACING_MARK
                || category == U_COMBINING_SPACING_MARK
                || category == U_ENCLOSING_MARK
            if isMark {
                if baseTakesFolding, removableMarks.contains(scalar), !(scalar == 0x0306 && baseKeepsBreve) {
                    read += length
                    continue
                }
            } else if scalar == 0x0640 {  // kashida
                read += 1
                continue
            } else {
                baseTakesFolding = Self.takesFolding(scalar)
                baseKeepsBreve = scalar == 0x0438 || scalar == 0x0443 || scalar == 0x0418 || scalar == 0x0423
            }
            if scalar == 0x2018 || scalar == 0x2019 {
                units[write] = UInt16(UInt8(ascii: "'"))
                write += 1
            } else {
                for offset in 0..<length { units[write + offset] = units[read + offset] }
                write += length
            }
            read += length
        }
        buffer.count = write
    }

    /// Whether marks after `scalar` are dropped: it is a letter of Latin, Greek, Cyrillic,
    /// Arabic or Hebrew script.
    private static func takesFolding(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            let lowercased = scalar | 0x20
            return lowercased >= 0x61 && lowercased <= 0x7A
        }
        var status = U_ZERO_ERROR
        let script = cicu_uscript_getScript(UChar32(bitPattern: scalar), &status)
        return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC
            || script == USCRIPT_ARABIC || script == USCRIPT_HEBREW
    }
}
