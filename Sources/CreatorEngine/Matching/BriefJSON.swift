internal import CSimdjson

/// A brief's JSON as an owned tree, with object members in document order and repeated
/// keys refused. Parsed with the engine's simdjson reader (strict: invalid UTF-8, NaN or
/// trailing commas are refused), then copied, since simdjson's values live only until its
/// next parse.
indirect enum BriefJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer written without fraction or exponent.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([BriefJSON])
    case object([(key: String, value: BriefJSON)])

    static func == (lhs: BriefJSON, rhs: BriefJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// Parses one JSON document; the error names no field (the document itself is wrong).
    static func parse(_ bytes: [UInt8]) throws(BriefError) -> BriefJSON {
        let parser = JSONDocumentParser()
        let result = bytes.withUnsafeBytes { parser.parse($0) }
        switch result {
        case .failure(let error):
            throw BriefError(field: "", message: "not valid JSON (\(error.message))")
        case .success(let root):
            return try copy(root, path: "")
        }
    }

    private static func copy(_ value: csj_value, path: String) throws(BriefError) -> BriefJSON {
        switch value.type {
        case CSJ_NULL: return .null
        case CSJ_BOOL: return .bool(value.boolean)
        case CSJ_INT64: return .integer(value.int64)
        case CSJ_UINT64: return value.uint64 <= UInt64(Int64.max) ? .integer(Int64(value.uint64)) : .number(Double(value.uint64))
        case CSJ_DOUBLE: return .number(value.number)
        case CSJ_STRING: return .string(value.text)
        case CSJ_ARRAY:
            var items: [BriefJSON] = []
            try value.forEachItem { (index: Int, item: csj_value) throws(BriefError) in
                items.append(try copy(item, path: "\(path)[\(index)]"))
            }
            return .array(items)
        case CSJ_OBJECT:
            var members: [(key: String, value: BriefJSON)] = []
            var seen = Set<String>()
            try value.forEachField { (keyBytes: UnsafeRawBufferPointer, member: csj_value) throws(BriefError) in
                let key = String(decoding: keyBytes, as: UTF8.self)
                let memberPath = path.isEmpty ? key : path + "." + key
                guard seen.insert(key).inserted else { throw BriefError(field: memberPath, message: "given twice") }
                members.append((key, try copy(member, path: memberPath)))
            }
            return .object(members)
        default:
            throw BriefError(field: path, message: "not a JSON value")
        }
    }

    /// What the value is, for messages: `a string`, `an array`, `the number 3`.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): "the number \(number)"
        case .number(let number): "the number \(number)"
        case .string(let text): "the string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
