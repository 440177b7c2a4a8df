/// Decoding of URL query strings and `application/x-www-form-urlencoded` bodies, strictly:
/// `+` is a space, `%XX` a byte, and the result must be UTF-8 (else nil, answered with 400).
enum FormDecoding {
    /// The pairs of `a=1&b=2` in order (a key without `=` has the value "").
    static func pairs(_ text: some StringProtocol) -> [(name: String, value: String)]? {
        var result: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(pieces[0], plusIsSpace: true),
                  let value = pieces.count > 1 ? decode(pieces[1], plusIsSpace: true) : "" else { return nil }
            result.append((name, value))
        }
        return result
    }

    /// Percent-decodes one component (`plusIsSpace` for query strings and forms, not paths).
    static func decode(_ text: some StringProtocol, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The decoded fields of a query string or form body, first value wins.
struct FormFields: Sendable {
    private let pairs: [(name: String, value: String)]

    /// Nil when the text is not valid percent-encoded UTF-8; no text gives no fields.
    init?(_ text: String?) {
        guard let text else { self.pairs = []; return }
        guard let pairs = FormDecoding.pairs(text) else { return nil }
        self.pairs = pairs
    }

    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, for repeated fields (`ids=a&ids=b`).
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }
}
