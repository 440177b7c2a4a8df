/// A strict RFC 8259 syntax check, because Foundation's `JSONSerialization` accepts
/// trailing commas. Only says whether `bytes` is exactly one JSON value (with surrounding
/// whitespace); the values themselves are read with `JSONSerialization` afterwards.
struct StrictJSONSyntax {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var checker = StrictJSONSyntax(bytes: buffer)
            checker.skipWhitespace()
            guard checker.value(depth: 0) else { return false }
            checker.skipWhitespace()
            return checker.position == buffer.count
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private mutating func value(depth: Int) -> Bool {
        guard depth < 200, let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func literal(_ word: String) -> Bool {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count,
              expected.indices.allSatisfy({ bytes[position + $0] == expected[$0] }) else { return false }
        position += expected.count
        return true
    }

    private mutating func object(depth: Int) -> Bool {
        position += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return true
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\""), string() else { return false }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { return false }
            position += 1
            skipWhitespace()
            guard value(depth: depth + 1) else { return false }
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard current == UInt8(ascii: "}") else { return false }
            position += 1
            return true
        }
    }

    private mutating func array(depth: Int) -> Bool {
        position += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return true
        }
        while true {
            skipWhitespace()
            guard value(depth: depth + 1) else { return false }
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard current == UInt8(ascii: "]") else { return false }
            position += 1
            return true
        }
    }

    private mutating func string() -> Bool {
        position += 1
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return false }
                position += 1
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        guard let hex = current, (hex >= 48 && hex <= 57) || ((hex | 0x20) >= 97 && (hex | 0x20) <= 102)
                        else { return false }
                        position += 1
                    }
                } else if !StrictJSONSyntax.simpleEscapes.contains(escaped) {
                    return false
                }
            case 0..<0x20: return false
            default: continue
            }
        }
        return false
    }

    private static let simpleEscapes: [UInt8] = Array("\"\\/bfnrt".utf8)

    private mutating func number() -> Bool {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, first >= 48, first <= 57 else { return false }
        position += 1
        if first != 48 { while let digit = current, digit >= 48, digit <= 57 { position += 1 } }
        if current == UInt8(ascii: ".") {
            position += 1
            guard let digit = current, digit >= 48, digit <= 57 else { return false }
            while let digit = current, digit >= 48, digit <= 57 { position += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let digit = current, digit >= 48, digit <= 57 else { return false }
            while let digit = current, digit >= 48, digit <= 57 { position += 1 }
        }
        return position > start
    }
}
