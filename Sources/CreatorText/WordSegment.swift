internal import CICU

/// One piece of text between two word boundaries: byte offsets into the UTF-8 text and
/// ICU's rule status for it.
struct WordSegment: Equatable {
    var start: Int
    var end: Int
    /// ICU's `UWordBreak` status: 0–99 none (spaces, punctuation, symbols, emoji),
    /// 100–199 number, 200–299 letter, 300–399 kana, 400–499 ideographic.
    var ruleStatus: Int32

    /// Whether ICU counts the segment as a word (a number, letters, kana or ideographs).
    var isWord: Bool { ruleStatus >= UBRK_WORD_NONE_LIMIT }
}
