/// Reads one named column of an RFC 4180 CSV file (quoted fields may hold commas, doubled
/// quotes and newlines, as the TIDES bios do). Small and strict enough for reading sample
/// text; not a general CSV library.
public enum CSVColumn {
    /// The values of column `name`, one per record, in file order; nil if the header has no
    /// such column.
    public static func values(named name: String, in bytes: [UInt8]) -> [String]? {
        var records = CSVRecords(bytes: bytes)
        guard let header = records.next(), let column = header.firstIndex(of: name) else { return nil }
        var values: [String] = []
        while let record = records.next() {
            if column < record.count { values.append(record[column]) }
        }
        return values
    }
}

/// Iterates the records of a CSV text; each record is its list of unquoted field values.
struct CSVRecords: IteratorProtocol {
    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> [String]? {
        guard position < bytes.count else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\n"):
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            case UInt8(ascii: "\r"): continue
            default: field.append(byte)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
