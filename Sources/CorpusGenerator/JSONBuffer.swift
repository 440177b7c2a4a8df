/// A JSON text built by hand into a byte array: the generator's only JSON producer.
///
/// Foundation's `JSONEncoder` is an order of magnitude too slow for multi-gigabyte dumps and
/// does not let a line be written slightly wrong on purpose (the malformed lines), so values
/// are appended directly. The buffer tracks commas itself: `key` and the value methods insert
/// a comma when a previous member or element at the same depth exists. Nesting is limited
/// to 64 levels, far beyond what a profile needs.
struct JSONBuffer {
    private(set) var bytes: [UInt8]
    /// Whether the current container already has a member (a comma is due before the next).
    private var hasMember = false
    /// `hasMember` of the enclosing containers, one bit per level.
    private var outerHasMember: UInt64 = 0
    /// A key was just written: the next value follows it with no comma.
    private var afterKey = false

    init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its capacity.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        hasMember = false
        outerHasMember = 0
        afterKey = false
    }

    /// Ends a JSON Lines record: a newline, and the next value starts a new record (no comma).
    mutating func endLine() {
        bytes.append(0x0A)
        hasMember = false
        outerHasMember = 0
        afterKey = false
    }

    // MARK: Structure

    mutating func beginObject() {
        valuePrefix()
        bytes.append(UInt8(ascii: "{"))
        push()
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        pop()
    }

    mutating func beginArray() {
        valuePrefix()
        bytes.append(UInt8(ascii: "["))
        push()
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        pop()
    }

    /// `"name":`, preceded by a comma when needed. `name` must need no escaping.
    mutating func key(_ name: StaticString) {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        hasMember = true
        afterKey = true
    }

    /// A key given as text (distribution keys, extra fields), escaped.
    mutating func key(_ name: [UInt8]) {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        hasMember = true
        afterKey = true
    }

    mutating func key(_ name: String) {
        key(Array(name.utf8))
    }

    // MARK: Values

    mutating func string(_ text: [UInt8]) {
        valuePrefix()
        appendQuoted(text)
    }

    mutating func string(_ text: String) {
        valuePrefix()
        var text = text
        text.withUTF8 { appendQuoted($0) }
    }

    mutating func integer(_ value: Int64) {
        valuePrefix()
        appendInteger(value)
    }

    mutating func integer(_ value: Int) {
        integer(Int64(value))
    }

    /// `value` rounded to at most `places` decimals, trailing zeros dropped (`0.05`, `2100`).
    mutating func decimal(_ value: Double, places: Int) {
        valuePrefix()
        appendDecimal(value, places: places)
    }

    mutating func bool(_ value: Bool) {
        valuePrefix()
        appendStatic(value ? "true" : "false")
    }

    mutating func null() {
        valuePrefix()
        appendStatic("null")
    }

    /// `"YYYY-MM-DD"`.
    mutating func date(_ day: CalendarDay) {
        valuePrefix()
        bytes.append(UInt8(ascii: "\""))
        day.appendText(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"YYYY-MM-DDTHH:MM:SSZ"` or with a `±HH:MM` offset; `secondOfDay` is local time.
    mutating func timestamp(_ day: CalendarDay, secondOfDay: Int, offsetMinutes: Int) {
        valuePrefix()
        bytes.append(UInt8(ascii: "\""))
        day.appendText(to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2, to: &bytes)
        if offsetMinutes == 0 {
            bytes.append(UInt8(ascii: "Z"))
        } else {
            bytes.append(UInt8(ascii: offsetMinutes > 0 ? "+" : "-"))
            appendDigits(abs(offsetMinutes) / 60, width: 2, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendDigits(abs(offsetMinutes) % 60, width: 2, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Bytes written as a value verbatim (a prepared literal, or a deliberately wrong one).
    mutating func rawValue(_ literal: [UInt8]) {
        valuePrefix()
        bytes.append(contentsOf: literal)
    }

    mutating func rawValue(_ literal: StaticString) {
        valuePrefix()
        appendStatic(literal)
    }

    // MARK: Plumbing

    @inline(__always)
    private mutating func valuePrefix() {
        if afterKey {
            afterKey = false
        } else {
            if hasMember { bytes.append(UInt8(ascii: ",")) }
            hasMember = true
        }
    }

    private mutating func push() {
        outerHasMember = (outerHasMember << 1) | (hasMember ? 1 : 0)
        hasMember = false
    }

    private mutating func pop() {
        hasMember = outerHasMember & 1 == 1
        outerHasMember >>= 1
    }

    private mutating func appendStatic(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendQuoted(_ text: [UInt8]) {
        text.withUnsafeBufferPointer { appendQuoted($0) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else
    /// (valid UTF-8 by construction) copied as is.
    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if index > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index])) }
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22: bytes.append(0x22)
            case 0x5C: bytes.append(0x5C)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), 48, 48])
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 15)])
            }
            start = index + 1
        }
        if start < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(magnitude % 10) + 48
                magnitude /= 10
                count += 1
            } while magnitude > 0
            while count > 0 {
                count -= 1
                bytes.append(buffer[count])
            }
        }
    }

    private mutating func appendDecimal(_ value: Double, places: Int) {
        precondition(value.isFinite && places >= 0 && places <= 9)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let negative = value < 0
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        if negative && scaled != 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(scaled / scale)
        var fraction = scaled % scale
        guard fraction != 0 else { return }
        var width = places
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        bytes.append(UInt8(ascii: "."))
        appendDigits(Int(fraction), width: width, to: &bytes)
    }
}
