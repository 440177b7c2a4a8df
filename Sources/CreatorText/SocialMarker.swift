/// The `#` of a hashtag and the `@` of a mention.
///
/// ICU's word rules drop `#` (`#fitness` → `#`, `fitness`), keep `@` joined to a Latin
/// handle (`@nike` is one word), and leave a lone `@` before kana or ideographs as a word
/// of its own (`@ナイキ` → `@`, `ナイキ`). The analyser recognises all three shapes, and
/// the full-width `＃`/`＠` of CJK keyboards, and emits the marked token (`#fitness`,
/// `@nike`) at the same position as the plain word (`fitness`, `nike`).
///
/// A hashtag's body is the run of word segments right after the `#`, up to the first
/// space, punctuation or emoji, so a Chinese hashtag that the dictionary splits keeps its
/// whole text (`#护肤品推荐` → `#护肤品推荐`, `护肤`, `品`, `推荐`). A mention's body is the
/// single word after the `@` (handles are Latin letters, digits, `.` and `_`, which ICU
/// keeps together).
enum SocialMarker: Equatable {
    case hashtag
    case mention

    /// The byte the marked token starts with (`#` or `@`, also for the full-width signs).
    var prefixByte: UInt8 {
        switch self {
        case .hashtag: UInt8(ascii: "#")
        case .mention: UInt8(ascii: "@")
        }
    }

    /// The marker a whole segment consists of: one `#`/`＃`, or one or more `@`/`＠`.
    init?(segment: UnsafeBufferPointer<UInt8>) {
        if Self.isHashSign(segment) {
            self = .hashtag
        } else if !segment.isEmpty, Self.leadingAtSignBytes(segment) == segment.count {
            self = .mention
        } else {
            return nil
        }
    }

    /// How many bytes of `bytes` are leading `@` or `＠` signs.
    @inline(__always)
    static func leadingAtSignBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first, first == atSign || first == fullWidthAtSign[0] else { return 0 }
        var index = 0
        while index < bytes.count {
            if bytes[index] == atSign {
                index += 1
            } else if hasPrefix(bytes, from: index, fullWidthAtSign) {
                index += fullWidthAtSign.count
            } else {
                break
            }
        }
        return index
    }

    private static let atSign = UInt8(ascii: "@")
    private static let fullWidthAtSign: [UInt8] = [0xEF, 0xBC, 0xA0]  // U+FF20 ＠
    private static let fullWidthHashSign: [UInt8] = [0xEF, 0xBC, 0x83]  // U+FF03 ＃

    private static func isHashSign(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        (segment.count == 1 && segment[0] == UInt8(ascii: "#"))
            || (segment.count == 3 && hasPrefix(segment, from: 0, fullWidthHashSign))
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}
