import NIOCore

/// The protocol version of one connection: RESP2 until the client sends `HELLO 3`.
public enum RESPVersion: Int, Sendable {
    case resp2 = 2
    case resp3 = 3
}

/// Writes replies in RESP2 or RESP3. The two differ only in null (`$-1` / `_`) and map
/// (a flat array of keys and values / `%N`); a JSON document is a bulk string in both.
public enum RESPEncoder {
    static let crlf: StaticString = "\r\n"

    public static func write(_ reply: CommandReply, version: RESPVersion, into buffer: inout ByteBuffer) {
        switch reply {
        case .simple(let text):
            if text == "PONG" {
                buffer.writeStaticString("+PONG\r\n")
            } else if text == "OK" {
                buffer.writeStaticString("+OK\r\n")
            } else {
                buffer.writeInteger(UInt8(ascii: "+"))
                writeLine(text, into: &buffer)
            }
        case .error(let error):
            buffer.writeInteger(UInt8(ascii: "-"))
            writeLine(error.code + " " + error.message, into: &buffer)
        case .integer(let value):
            buffer.writeInteger(UInt8(ascii: ":"))
            writeNumber(value, into: &buffer)
        case .bulk(let bytes):
            buffer.writeInteger(UInt8(ascii: "$"))
            writeNumber(bytes.count, into: &buffer)
            buffer.writeBytes(bytes)
            buffer.writeStaticString(crlf)
        case .null:
            buffer.writeStaticString(version == .resp3 ? "_\r\n" : "$-1\r\n")
        case .array(let elements):
            buffer.writeInteger(UInt8(ascii: "*"))
            writeNumber(elements.count, into: &buffer)
            for element in elements { write(element, version: version, into: &buffer) }
        case .map(let pairs):
            if version == .resp3 {
                buffer.writeInteger(UInt8(ascii: "%"))
                writeNumber(pairs.count, into: &buffer)
            } else {
                buffer.writeInteger(UInt8(ascii: "*"))
                writeNumber(pairs.count * 2, into: &buffer)
            }
            for (key, value) in pairs {
                write(key, version: version, into: &buffer)
                write(value, version: version, into: &buffer)
            }
        }
    }

    /// A simple string or error line: CR and LF would end it early, so they become spaces.
    private static func writeLine(_ text: String, into buffer: inout ByteBuffer) {
        if text.utf8.contains(where: { $0 == 13 || $0 == 10 }) {
            buffer.writeBytes(text.utf8.map { $0 == 13 || $0 == 10 ? UInt8(ascii: " ") : $0 })
        } else {
            buffer.writeString(text)
        }
        buffer.writeStaticString(crlf)
    }

    private static func writeNumber(_ value: Int, into buffer: inout ByteBuffer) {
        if value >= 0, value < 10 {
            buffer.writeInteger(UInt8(ascii: "0") + UInt8(value))
        } else {
            buffer.writeString(String(value))
        }
        buffer.writeStaticString(crlf)
    }
}
