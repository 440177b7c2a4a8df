internal import CICU

/// The plain ICU pipeline with no extra work: UTF-8 → UTF-16 → NFKC_Casefold of the whole
/// text → word break iterator, counting word segments.
///
/// It is the yardstick for `TextAnalyzer`'s throughput (the analyser does more: it folds
/// per token, keeps emoji, hashtags and mentions, and builds strings), not an analyser:
/// folding before segmenting damages Thai. Not thread-safe: one per thread.
public final class RawICUPipeline {
    private let iterator: OpaquePointer
    private let normalizer: OpaquePointer
    private let utf16 = UTF16Buffer(capacity: 4096)
    private let normalized = UTF16Buffer(capacity: 4096)
    private let done = cicu_ubrk_done()

    public init() throws(AnalysisError) {
        var status = U_ZERO_ERROR
        guard let normalizer = cicu_unorm2_getNFKCCasefoldInstance(&status), !status.isFailure else {
            throw AnalysisError.icuFailure(operation: "unorm2_getNFKCCasefoldInstance", errorName: status.name)
        }
        guard let iterator = cicu_ubrk_open(UBRK_WORD, "", nil, 0, &status), !status.isFailure else {
            throw AnalysisError.icuFailure(operation: "ubrk_open UBRK_WORD", errorName: status.name)
        }
        self.normalizer = normalizer
        self.iterator = iterator
        _ = countTokens(TextAnalyzer.warmUpText)
    }

    deinit { cicu_ubrk_close(iterator) }

    /// How many word segments (numbers, letters, kana, ideographs) ICU finds in the
    /// NFKC-case-folded `text`; 0 if ICU fails.
    public func countTokens(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes -> Int in
            guard utf16.assign(utf8: bytes) else { return 0 }
            let source = utf16
            let folded = normalized.fill { destination, capacity, status in
                cicu_unorm2_normalize(normalizer, source.base, Int32(source.count), destination, capacity, &status)
            }
            guard folded else { return 0 }
            var status = U_ZERO_ERROR
            cicu_ubrk_setText(iterator, normalized.base, Int32(normalized.count), &status)
            guard !status.isFailure else { return 0 }
            var count = 0
            _ = cicu_ubrk_first(iterator)
            while cicu_ubrk_next(iterator) != done {
                if cicu_ubrk_getRuleStatus(iterator) >= UBRK_WORD_NONE_LIMIT { count += 1 }
            }
            return count
        }
    }
}

@available(*, unavailable, message: "RawICUPipeline is not thread-safe: make one per thread")
extension RawICUPipeline: Sendable {}
