/// Writes compact JSON into a byte buffer, fast and allocation-light: the one JSON
/// producer of the engine (stored profiles, summaries, replies). Keys and values are
/// written in call order; the writer inserts commas.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value in the current container needs a comma before it.
    private var needsComma = false

    public init(reservingCapacity capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// Writes `"key":`; the value that follows needs no comma.
    public mutating func key(_ key: String) {
        separate()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func value(_ text: String) { separate(); appendQuoted(text); needsComma = true }
    public mutating func value(_ number: Int64) { separate(); appendDigits(number); needsComma = true }
    public mutating func value(_ number: Int) { value(Int64(number)) }
    public mutating func value(_ flag: Bool) { separate(); bytes.append(contentsOf: (flag ? "true" : "false").utf8); needsComma = true }
    public mutating func null() { separate(); bytes.append(contentsOf: "null".utf8); needsComma = true }

    /// Finite numbers as the shortest text that reads back to the same `Double`
    /// (integral values without a fraction); non-finite ones as `null`, which JSON lacks.
    public mutating func value(_ number: Double) {
        separate()
        if !number.isFinite {
            bytes.append(contentsOf: "null".utf8)
        } else if number == number.rounded(), abs(number) < 1e15 {
            appendDigits(Int64(number))
        } else {
            bytes.append(contentsOf: String(number).utf8)
        }
        needsComma = true
    }

    /// Inserts already-encoded JSON as one value.
    public mutating func raw(_ json: some Collection<UInt8>) { separate(); bytes.append(contentsOf: json); needsComma = true }

    // Convenience: a key with a value, skipped when the value is unknown.
    public mutating func field(_ name: String, _ text: String?) { if let text { key(name); value(text) } }
    public mutating func field(_ name: String, _ number: Int64?) { if let number { key(name); value(number) } }
    public mutating func field(_ name: String, _ number: Double?) { if let number { key(name); value(number) } }
    public mutating func field(_ name: String, _ flag: Bool?) { if let flag { key(name); value(flag) } }
    public mutating func field(_ name: String, _ texts: [String]) {
        key(name)
        beginArray()
        for text in texts { value(text) }
        endArray()
    }

    /// Writes an integer's decimal digits without making a String.
    private mutating func appendDigits(_ number: Int64) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Copy runs that need no escaping in bulk.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    let hex: StaticString = "0123456789abcdef"
                    hex.withUTF8Buffer { digits in
                        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                                  digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
                    }
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension JSONWriter {
    /// A timestamp's UTC day as `"YYYY-MM-DD"`, written without intermediate strings.
    public mutating func value(_ date: Timestamp) {
        let (year, month, day) = Timestamp.civil(fromDays: Int(date.day))
        guard (0...9999).contains(year) else { return value(date.dateString) }
        var text: [UInt8] = [UInt8(ascii: "0"), 0, 0, 0, UInt8(ascii: "-"), 0, 0, UInt8(ascii: "-"), 0, 0]
        func put(_ value: Int, at end: Int, width: Int) {
            var rest = value
            for index in stride(from: end, to: end - width, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(year, at: 3, width: 4)
        put(month, at: 6, width: 2)
        put(day, at: 9, width: 2)
        raw([UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")])
    }
}
