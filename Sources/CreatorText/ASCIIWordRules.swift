internal import CICU

/// ICU's word break rules (root locale, ICU 72), as they apply to a stretch of ASCII text,
/// so that `WordSegmenter` can segment the ASCII words that make up most bios and captions
/// without ICU: the same boundaries and the same rule statuses, checked against ICU by
/// `WordSegmenterTests` on random and real texts.
///
/// The ASCII part of Unicode's word break classes (UAX #29), as ICU 72 tailors them:
/// - letters are `A`–`Z`, `a`–`z` and `@` (ICU 72 counts `@` as a letter, so `@nike` and
///   `x@y` are one word);
/// - digits `0`–`9`; `_` joins letters and digits on both sides (ExtendNumLet);
/// - `.` and `'` join two letters or two digits (`e.g`, `don't`, `3.14`); `,` and `;`
///   join two digits only (`1,000`); ICU's root rules leave `:` out (`a:b` is three pieces);
/// - a run of spaces is one piece; CR LF is one piece; every other character (tab, line
///   breaks, punctuation, symbols, controls) is a piece of its own.
///
/// Status: a word ending in a letter is a letter word (200), one ending in a digit a number
/// (100); one ending in `_` takes the status of the pair it ends (`1_` 100, `a_` and `__`
/// 200); a lone `_` and every other piece are not words (0).
enum ASCIIWordRules {
    /// Unicode's word break class of an ASCII byte, as ICU's root rules use it.
    enum WordClass {
        case letter, digit, extendNumLet
        /// `.` and `'`: join letters and digits.
        case midNumLet
        /// `,` and `;`: join digits.
        case midNum
        case space, carriageReturn
        /// Anything else: a piece of its own.
        case other
    }

    @inline(__always)
    static func wordClass(_ byte: UInt8) -> WordClass {
        if (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "@") { return .letter }
        if byte &- UInt8(ascii: "0") < 10 { return .digit }
        switch byte {
        case UInt8(ascii: " "): return .space
        case UInt8(ascii: "_"): return .extendNumLet
        case UInt8(ascii: "."), UInt8(ascii: "'"): return .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        case UInt8(ascii: "\r"): return .carriageReturn
        default: return .other
        }
    }

    /// The segment that starts at `start` and ends at or before `end`. Both must be
    /// boundaries in the whole text, and `bytes[start..<end]` all ASCII.
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> WordSegment {
        let first = wordClass(bytes[start])
        var index = start + 1
        var status = UBRK_WORD_NONE
        switch first {
        case .space:
            while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return WordSegment(start: start, end: index, ruleStatus: status)
        case .carriageReturn:
            if index < end, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            return WordSegment(start: start, end: index, ruleStatus: status)
        case .letter: status = UBRK_WORD_LETTER
        case .digit: status = UBRK_WORD_NUMBER
        case .extendNumLet: break
        case .midNumLet, .midNum, .other:
            return WordSegment(start: start, end: index, ruleStatus: status)
        }
        // Inside a word the last character is always a letter, a digit or `_`.
        var last = first
        scan: while index < end {
            let next = wordClass(bytes[index])
            switch next {
            case .letter:
                status = UBRK_WORD_LETTER
            case .digit:
                status = UBRK_WORD_NUMBER
            case .extendNumLet:
                status = last == .digit ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER
            case .midNumLet, .midNum:
                guard index + 1 < end else { break scan }
                let after = wordClass(bytes[index + 1])
                let joinsLetters = last == .letter && next == .midNumLet && after == .letter
                let joinsDigits = last == .digit && after == .digit
                guard joinsLetters || joinsDigits else { break scan }
                status = joinsLetters ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER
                last = after
                index += 2
                continue scan
            case .space, .carriageReturn, .other:
                break scan
            }
            last = next
            index += 1
        }
        return WordSegment(start: start, end: index, ruleStatus: status)
    }
}
