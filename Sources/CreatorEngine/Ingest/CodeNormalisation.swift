/// How the dump's codes and tags are normalised on the way in. Each function takes a
/// string value's UTF-8 bytes and returns the normalised text, or `nil` when the value is
/// not acceptable (the caller rejects the line).
///
/// Decisions (the dump format states the canonical case; these accept the other case too,
/// since fixing an exporter's case is harder for a user than it is for us):
/// - country codes: two ASCII letters, upper-cased (`us` → `US`); not checked against the
///   ISO 3166-1 list, so a wrong but well-formed code (`UK`) is kept.
/// - languages: a BCP 47 tag reduced to its primary subtag, lower-cased (`pt-BR` → `pt`,
///   `zh_Hant` → `zh`); the primary subtag must be 2–3 ASCII letters, the rest ASCII
///   letters, digits, `-` and `_`.
/// - categories and interests: lower-cased (Unicode lower-casing for non-ASCII); not empty.
/// - hashtags: leading `#` (and full-width `＃`) removed; not empty after that.
/// - platform: lower-cased before matching.
enum CodeNormalisation {
    static func countryCode(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.count == 2, isASCIILetter(bytes[0]), isASCIILetter(bytes[1]) else { return nil }
        return asciiString(bytes, upper: true)
    }

    static func languageSubtag(_ bytes: UnsafeRawBufferPointer) -> String? {
        var primaryEnd = 0
        while primaryEnd < bytes.count, isASCIILetter(bytes[primaryEnd]) { primaryEnd += 1 }
        guard (2...3).contains(primaryEnd) else { return nil }
        if primaryEnd < bytes.count {
            guard bytes[primaryEnd] == UInt8(ascii: "-") || bytes[primaryEnd] == UInt8(ascii: "_"),
                  primaryEnd + 1 < bytes.count else { return nil }
            for byte in bytes[(primaryEnd + 1)...] {
                guard isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
                        || byte == UInt8(ascii: "_") else { return nil }
            }
        }
        return asciiString(UnsafeRawBufferPointer(rebasing: bytes[0..<primaryEnd]), upper: false)
    }

    static func lowercasedTag(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ $0 < 0x80 }) { return asciiString(bytes, upper: false) }
        return bytes.utf8Text.lowercased()
    }

    static func hashtag(_ bytes: UnsafeRawBufferPointer) -> String? {
        var start = 0
        while true {
            if start < bytes.count, bytes[start] == UInt8(ascii: "#") {
                start += 1
            } else if start + 2 < bytes.count, bytes[start] == 0xEF, bytes[start + 1] == 0xBC, bytes[start + 2] == 0x83 {
                start += 3 // U+FF03 FULLWIDTH NUMBER SIGN
            } else {
                break
            }
        }
        guard start < bytes.count else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[start...]).utf8Text
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// ASCII bytes case-mapped into a new string (non-letters kept).
    static func asciiString(_ bytes: UnsafeRawBufferPointer, upper: Bool) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                let isLetter = isASCIILetter(byte)
                buffer[index] = isLetter ? (upper ? byte & ~0x20 : byte | 0x20) : byte
            }
            return bytes.count
        }
    }
}
