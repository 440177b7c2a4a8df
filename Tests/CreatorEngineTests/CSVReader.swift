import Foundation

/// Reads CSV as RFC 4180 describes it, for tests that load third-party data sets.
///
/// - Fields are separated by `,` and records by CRLF or a bare LF (most files in the wild
///   use LF); a final line break is optional.
/// - A field that starts with `"` is quoted: it runs to the next lone `"`, may hold commas,
///   CR and LF verbatim, and writes a quote as `""`. After the closing quote only `,` or a
///   line break may follow.
/// - A `"` inside an unquoted field is an error rather than a guess: RFC 4180 forbids it, and
///   a test should learn that its input is not what it thought.
/// - A line with nothing on it (outside quotes) is skipped, as data-set row counts do.
/// - Bytes are decoded as UTF-8 (a leading byte-order mark is dropped); fields are not trimmed.
///
/// Test support only: it reads whole files into memory and is not tuned for speed.
struct CSVReader {
    /// Why a file is not CSV; `line` counts physical lines from 1.
    struct Malformed: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "CSV line \(line): \(reason)" }
    }

    /// Every record of `bytes`, the header (if any) included, each as its fields.
    static func records(_ bytes: [UInt8]) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            // A line holding nothing at all is a blank line, not a record with one empty field.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
            fields.removeAll(keepingCapacity: true)
        }

        var fieldStart = true
        var wasQuoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if fieldStart, byte == quote {
                // Quoted field: copy until the closing quote, unescaping `""`.
                let openedOn = line
                index += 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if inner == lf { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else { throw Malformed(line: openedOn, reason: "quoted field never closed") }
                fieldStart = false
                wasQuoted = true
                continue
            }
            switch byte {
            case comma:
                endField()
                fieldStart = true
                wasQuoted = false
                index += 1
            case cr where index + 1 < bytes.count && bytes[index + 1] == lf, lf:
                endRecord()
                index += byte == cr ? 2 : 1
                line += 1
                fieldStart = true
                wasQuoted = false
            default:
                if wasQuoted { throw Malformed(line: line, reason: "text after a closing quote") }
                if byte == quote { throw Malformed(line: line, reason: "quote inside an unquoted field") }
                field.append(byte)
                fieldStart = false
                index += 1
            }
        }
        if !fieldStart || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}

/// A CSV file whose first record names the columns.
struct CSVTable {
    let header: [String]
    let rows: [[String]]

    /// Reads a file; every row must have as many fields as the header.
    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVReader.Malformed(line: 0, reason: "cannot read \(path)")
        }
        var records = try CSVReader.records([UInt8](data))
        guard !records.isEmpty else { throw CSVReader.Malformed(line: 1, reason: "\(path) has no header") }
        let header = records.removeFirst()
        if let ragged = records.firstIndex(where: { $0.count != header.count }) {
            throw CSVReader.Malformed(line: 0, reason: "\(path): record \(ragged + 1) has \(records[ragged].count) fields, the header \(header.count)")
        }
        self.header = header
        rows = records
    }

    /// The positions of every column with this name (some data sets repeat a name:
    /// a formatted copy, then a parsed one), in file order.
    func columns(named name: String) -> [Int] {
        header.indices.filter { header[$0] == name }
    }

    /// The position of the first column with this name.
    func column(_ name: String) throws -> Int {
        guard let first = columns(named: name).first else {
            throw CSVReader.Malformed(line: 1, reason: "no column '\(name)' in \(header)")
        }
        return first
    }
}
