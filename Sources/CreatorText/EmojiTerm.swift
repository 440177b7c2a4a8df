internal import CICU

/// How emoji become searchable tokens.
///
/// ICU's word break iterator keeps an emoji and its modifiers, variation selectors and ZWJ
/// joins together as one segment, but gives it rule status 0 (none), as if it were
/// punctuation. A status-0 segment holding an `Extended_Pictographic` character (😀, ❤,
/// 👩‍💻) or a regional-indicator pair (a flag, 🇧🇷) becomes one token, canonicalised:
///
/// - skin-tone modifiers (U+1F3FB–U+1F3FF) are removed, so 👍🏽 and 👍 are the same token;
/// - variation selectors U+FE0E/U+FE0F are removed, so ❤️ and ❤ are the same token;
/// - a ZWJ sequence stays one token (👩🏽‍💻 → 👩‍💻): it is one pictograph whose meaning is
///   not its parts', so 💻 alone does not find 👩‍💻;
/// - emoji are not case- or NFKC-folded (NFKC_Casefold would delete the ZWJ that holds a
///   sequence together).
///
/// Text-style pictographs such as ™ and © are `Extended_Pictographic` too and so become
/// tokens; they are rare and harmless in an index. Keycaps (1️⃣) are numbers to ICU and are
/// folded as words.
enum EmojiTerm {
    /// The token for `segment` (a status-0 segment) if it is an emoji, else nil.
    static func canonicalForm(of segment: UnsafeBufferPointer<UInt8>) -> String? {
        // Fast exit: ASCII punctuation and spaces, the usual status-0 segments.
        guard let first = segment.first, first >= 0xC2 else { return nil }
        var isEmoji = false
        var dropped = 0
        var index = 0
        while index < segment.count {
            let (scalar, length) = UTF8Scalars.decode(segment, at: index)
            if isDropped(scalar) {
                dropped += length
            } else if !isEmoji, isPictographic(scalar) {
                isEmoji = true
            }
            index += length
        }
        guard isEmoji, dropped < segment.count else { return nil }
        if dropped == 0 { return String(decoding: segment, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: segment.count - dropped) { output in
            var written = 0
            var index = 0
            while index < segment.count {
                let (scalar, length) = UTF8Scalars.decode(segment, at: index)
                if !isDropped(scalar) {
                    for offset in 0..<length { output[written + offset] = segment[index + offset] }
                    written += length
                }
                index += length
            }
            return written
        }
    }

    /// Whether `bytes` is nothing but emoji: pictographs and flags with their modifiers,
    /// variation selectors, ZWJs, tag characters and keycap marks. `foldKeyword` gives such a
    /// keyword the emoji token's form (case folding would delete the ZWJs).
    static func isEmojiOnly(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first >= 0xC2 else { return false }
        var index = 0
        var sawPictograph = false
        while index < bytes.count {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
            if isPictographic(scalar) {
                sawPictograph = true
            } else if !(isDropped(scalar) || isJoinerOrTag(scalar)) {
                return false
            }
            index += length
        }
        return sawPictograph
    }

    /// ZWJ, the keycap mark and the tag characters of subdivision flags.
    @inline(__always)
    private static func isJoinerOrTag(_ scalar: UInt32) -> Bool {
        scalar == 0x200D || scalar == 0x20E3 || (0xE0020...0xE007F).contains(scalar)
    }

    /// Skin-tone modifiers and emoji/text variation selectors.
    @inline(__always)
    private static func isDropped(_ scalar: UInt32) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar) || scalar == 0xFE0F || scalar == 0xFE0E
    }

    @inline(__always)
    private static func isPictographic(_ scalar: UInt32) -> Bool {
        let c = UChar32(bitPattern: scalar)
        return cicu_u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) != 0
            || cicu_u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) != 0
    }
}
