internal import CICU

/// NFKC case folding of one token (`ＳＫＩＮ` → `skin`, `Straße` → `strasse`, `ﬁt` → `fit`,
/// half-width katakana → full-width), with one exception for Thai and Lao.
///
/// NFKC decomposes Thai SARA AM (U+0E33 `ำ`) into NIKHAHIT + SARA AA (U+0E4D U+0E32), and
/// Lao AM (U+0EB3) likewise: a compatibility mapping that Thai readers and input methods do
/// not use, and which would make `กำลัง` index as the look-alike `กําลัง`. So the normaliser
/// skips those two characters (an ICU filtered normaliser), and the decomposed pair, when
/// it appears in input, is composed back to AM: both spellings fold to the usual one.
final class CaseFolder {
    private let normalizer: OpaquePointer
    /// Aliased by `normalizer`, so it must live as long as it.
    private let filter: ICUCharacterSet

    init() throws(AnalysisError) {
        var status = U_ZERO_ERROR
        guard let casefold = cicu_unorm2_getNFKCCasefoldInstance(&status), !status.isFailure else {
            throw AnalysisError.icuFailure(operation: "unorm2_getNFKCCasefoldInstance", errorName: status.name)
        }
        filter = try ICUCharacterSet(pattern: "[^\\u0E33\\u0EB3]")
        guard let filtered = cicu_unorm2_openFiltered(casefold, filter.handle, &status), !status.isFailure else {
            throw AnalysisError.icuFailure(operation: "unorm2_openFiltered", errorName: status.name)
        }
        normalizer = filtered
    }

    deinit { cicu_unorm2_close(normalizer) }

    /// Folds `buffers.current` (the result stays in `buffers.current`). Returns whether the
    /// text changed; on an ICU failure the text is left as it was. Text that passes ICU's
    /// quick check is left alone unless `skippingQuickCheckedText` is false (for tests).
    func fold(_ buffers: inout UTF16BufferPair, skippingQuickCheckedText: Bool = true) -> Bool {
        let source = buffers.current
        var status = U_ZERO_ERROR
        let stable = skippingQuickCheckedText
            ? cicu_unorm2_spanQuickCheckYes(normalizer, source.base, Int32(source.count), &status) : 0
        var changed = false
        if status.isFailure || Int(stable) < source.count {
            let normalized = buffers.spare.fill { destination, capacity, status in
                cicu_unorm2_normalize(normalizer, source.base, Int32(source.count), destination, capacity, &status)
            }
            if normalized {
                buffers.swap()
                changed = true
            }
        }
        return composeAm(buffers.current) || changed
    }

    /// Rewrites NIKHAHIT + SARA AA as SARA AM (Thai U+0E4D U+0E32 → U+0E33, Lao U+0ECD
    /// U+0EB2 → U+0EB3) in place. Returns whether anything changed.
    private func composeAm(_ buffer: UTF16Buffer) -> Bool {
        let units = buffer.base
        let count = buffer.count
        var read = 0
        while read < count - 1, !isAmPair(units[read], units[read + 1]) { read += 1 }
        guard read < count - 1 else { return false }
        var write = read
        while read < count {
            if read + 1 < count, isAmPair(units[read], units[read + 1]) {
                units[write] = units[read] == 0x0E4D ? 0x0E33 : 0x0EB3
                read += 2
            } else {
                units[write] = units[read]
                read += 1
            }
            write += 1
        }
        buffer.count = write
        return true
    }

    @inline(__always)
    private func isAmPair(_ first: UInt16, _ second: UInt16) -> Bool {
        (first == 0x0E4D && second == 0x0E32) || (first == 0x0ECD && second == 0x0EB2)
    }
}
