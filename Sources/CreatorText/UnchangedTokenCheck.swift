internal import CICU

/// Recognises, straight from UTF-8, tokens that folding would leave exactly as they are, so
/// that most non-ASCII tokens (Chinese, Japanese, Korean, Thai, unaccented Cyrillic …) skip
/// the UTF-16 round trip and the ICU calls of `TokenFolder`.
///
/// A token is unchanged when every character is NFKC_Casefold-stable on its own
/// (`NFKC_Quick_Check=Yes`, not `Changes_When_NFKC_Casefolded`), no later step could change
/// it (it is in none of their trigger sets), and no reordering or composition can happen:
/// characters with `NFKC_Quick_Check=Yes` never compose with their neighbours, and runs of
/// combining marks (Thai tone marks above vowels below, say) must already be in canonical
/// order, which is checked run by run.
final class UnchangedTokenCheck {
    /// Stable characters of combining class 0.
    private let starters: CodePointBitmap
    /// Stable combining marks (combining class > 0).
    private let marks: CodePointBitmap

    /// `changeable`: the characters a later folding step may change.
    init(excluding changeable: [ICUCharacterSet]) throws(AnalysisError) {
        let stable = "[:NFKC_Quick_Check=Yes:]&[:^Changes_When_NFKC_Casefolded:]"
        // SARA AM is stable here because `CaseFolder` leaves it alone; NIKHAHIT is not,
        // because `CaseFolder` composes NIKHAHIT + SARA AA to SARA AM.
        starters = CodePointBitmap(try ICUCharacterSet(
            pattern: "[[[\(stable)&[:Canonical_Combining_Class=0:]][\\u0E33\\u0EB3]]-[\\u0E4D\\u0ECD]]",
            excluding: changeable))
        marks = CodePointBitmap(try ICUCharacterSet(
            pattern: "[\(stable)&[:^Canonical_Combining_Class=0:]]", excluding: changeable))
    }

    /// Whether folding leaves the UTF-8 `bytes` unchanged. False means "maybe not".
    func isUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var previousClass: UInt8 = 0
        while index < bytes.count {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
            index += length
            if starters.contains(scalar) {
                previousClass = 0
            } else if marks.contains(scalar) {
                // Marks in a run must already be in canonical order (classes never decrease).
                let combiningClass = cicu_u_getCombiningClass(UChar32(bitPattern: scalar))
                if combiningClass < previousClass { return false }
                previousClass = combiningClass
            } else {
                return false
            }
        }
        return true
    }
}
