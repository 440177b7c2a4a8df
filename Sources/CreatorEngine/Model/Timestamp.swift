/// A point in time as whole seconds since 1970-01-01T00:00:00Z, parsed from the dump's
/// `YYYY-MM-DD` dates and RFC 3339 timestamps (a date alone is midnight UTC).
public struct Timestamp: Sendable, Hashable, Comparable {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// Days since the epoch (floor).
    public var day: Int64 { secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400 }

    /// Parses `YYYY-MM-DD` or an RFC 3339 timestamp (`2026-11-01T08:30:00Z`,
    /// `2026-11-01T08:30:00.123+08:00`); `nil` when the text is neither or names an
    /// impossible date.
    public init?(parsing text: some StringProtocol) {
        guard let parsed = Array(text.utf8).withUnsafeBytes({ Timestamp(utf8: $0) }) else { return nil }
        self = parsed
    }

    /// `init(parsing:)` over UTF-8 bytes, so that ingest parses dates without making strings.
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(0, 4), let month = digits(5, 2), let dayOfMonth = digits(8, 2),
              (1...12).contains(month), dayOfMonth >= 1, dayOfMonth <= Timestamp.daysIn(month: month, year: year)
        else { return nil }
        var seconds = Timestamp.daysFromCivil(year: year, month: month, day: dayOfMonth) * 86_400
        if bytes.count == 10 {
            self.secondsSinceEpoch = Int64(seconds)
            return
        }
        // RFC 3339: 'T' (or 't' or ' ') HH:MM:SS [.fraction] (Z | ±HH:MM)
        guard bytes.count >= 20, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        seconds += hour * 3600 + minute * 60 + second
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHours = digits(index + 1, 2), let offsetMinutes = digits(index + 4, 2),
                  offsetHours < 24, offsetMinutes < 60 else { return nil }
            let offset = offsetHours * 3600 + offsetMinutes * 60
            seconds += bytes[index] == UInt8(ascii: "+") ? -offset : offset
        default:
            return nil
        }
        self.secondsSinceEpoch = Int64(seconds)
    }

    /// `YYYY-MM-DD` of the UTC day.
    public var dateString: String {
        let (year, month, day) = Timestamp.civil(fromDays: Int(day))
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days-from-civil algorithm.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
