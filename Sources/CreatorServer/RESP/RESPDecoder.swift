import NIOCore

/// Frames requests: RESP multi-bulk arrays (`*N\r\n` then `$len\r\n<bytes>\r\n` per argument)
/// and inline commands (a line of words separated by spaces or tabs, ended by `\n` or `\r\n`).
///
/// Every limit is checked before the bytes it guards are waited for, so no request can make
/// the server buffer more than `maxRequestLength` (plus the headers): a line longer than
/// `maxInlineLength`, an argument count above `maxArguments`, a bulk longer than
/// `maxBulkLength`, or arguments totalling more than `maxRequestLength` throw a
/// `RESPProtocolError` at once. Parsing is stateless: an incomplete request is parsed again
/// from its start when more bytes arrive (only its headers, which are short).
///
/// Inline lines are split on spaces and tabs only; quotes are kept as they are, so
/// `SEARCH category:beauty "clean skincare"` typed into `nc` reaches SEARCH unchanged.
public struct RESPDecoder: ByteToMessageDecoder {
    public typealias InboundOut = RESPCommand

    public let limits: ServerLimits
    /// Longest `*N` or `$len` header line, digits and sign included.
    static let maxHeaderLength = 24

    public init(limits: ServerLimits) { self.limits = limits }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        switch try Self.frame(&buffer, limits: limits) {
        case .some(.some(let command)):
            context.fireChannelRead(wrapInboundOut(command))
            return .continue
        case .some(.none):
            return .continue  // an empty line or `*0`: consumed, nothing to run
        case .none:
            return .needMoreData
        }
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// Reads one request from the front of `buffer`: nil when more bytes are needed (nothing
    /// is consumed); `.some(nil)` when a request with no command was consumed.
    public static func frame(_ buffer: inout ByteBuffer, limits: ServerLimits) throws(RESPProtocolError) -> RESPCommand?? {
        guard let first = buffer.readableBytesView.first else { return nil }
        return first == UInt8(ascii: "*") ? try multiBulk(&buffer, limits: limits) : try inline(&buffer, limits: limits)
    }

    // MARK: - Multi-bulk

    private static func multiBulk(_ buffer: inout ByteBuffer, limits: ServerLimits) throws(RESPProtocolError) -> RESPCommand?? {
        let view = buffer.readableBytesView
        var position = view.startIndex
        guard let count = try header(view, at: &position, marker: UInt8(ascii: "*"), what: "multibulk") else { return nil }
        guard count <= limits.maxArguments else {
            throw RESPProtocolError("too many arguments (\(count); the limit is \(limits.maxArguments))")
        }
        if count <= 0 {
            buffer.moveReaderIndex(forwardBy: position - view.startIndex)
            return .some(nil)
        }
        // Slices are taken as the arguments are checked; an incomplete request drops them
        // (they only share the buffer's storage).
        var arguments: [ByteBuffer] = []
        arguments.reserveCapacity(min(count, 16))
        var total = 0
        for _ in 0..<count {
            guard position < view.endIndex else { return nil }
            guard view[position] == UInt8(ascii: "$") else {
                throw RESPProtocolError("expected '$', got '\(printable(view[position]))'")
            }
            guard let length = try header(view, at: &position, marker: UInt8(ascii: "$"), what: "bulk") else { return nil }
            guard length >= 0, length <= limits.maxBulkLength else {
                throw RESPProtocolError("invalid bulk length (\(length); the limit is \(limits.maxBulkLength))")
            }
            total += length
            guard total <= limits.maxRequestLength else {
                throw RESPProtocolError("request too large (over \(limits.maxRequestLength) bytes)")
            }
            guard view.endIndex - position >= length + 2 else { return nil }
            guard view[position + length] == UInt8(ascii: "\r"), view[position + length + 1] == UInt8(ascii: "\n") else {
                throw RESPProtocolError("bulk string not ended by CRLF")
            }
            guard let slice = buffer.getSlice(at: buffer.readerIndex + (position - view.startIndex), length: length) else { return nil }
            arguments.append(slice)
            position += length + 2
        }
        buffer.moveReaderIndex(forwardBy: position - view.startIndex)
        return .some(RESPCommand(arguments: arguments))
    }

    /// Parses `<marker><integer>\r\n` at `position` and moves past it; nil when incomplete.
    private static func header(_ view: ByteBufferView, at position: inout Int, marker: UInt8, what: String)
        throws(RESPProtocolError) -> Int? {
        var cursor = position + 1
        var value = 0
        var negative = false
        var digits = 0
        while true {
            guard cursor < view.endIndex else {
                if cursor - position > maxHeaderLength { throw RESPProtocolError("invalid \(what) length") }
                return nil
            }
            let byte = view[cursor]
            if byte == UInt8(ascii: "\r") { break }
            if byte == UInt8(ascii: "-"), digits == 0, !negative {
                negative = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                throw RESPProtocolError("invalid \(what) length")
            }
            cursor += 1
        }
        guard digits > 0 else { throw RESPProtocolError("invalid \(what) length") }
        guard cursor + 1 < view.endIndex else { return nil }
        guard view[cursor + 1] == UInt8(ascii: "\n") else { throw RESPProtocolError("invalid \(what) length") }
        position = cursor + 2
        return negative ? -value : value
    }

    // MARK: - Inline

    private static func inline(_ buffer: inout ByteBuffer, limits: ServerLimits) throws(RESPProtocolError) -> RESPCommand?? {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if view.count > limits.maxInlineLength { throw RESPProtocolError("too big inline request") }
            return nil
        }
        let lineLength = newline - view.startIndex
        guard lineLength <= limits.maxInlineLength else { throw RESPProtocolError("too big inline request") }
        var end = newline
        if end > view.startIndex, view[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var arguments: [ByteBuffer] = []
        var start: Int? = nil
        let base = buffer.readerIndex - view.startIndex
        for position in view.startIndex...end {
            let isSeparator = position == end || view[position] == UInt8(ascii: " ") || view[position] == UInt8(ascii: "\t")
            if isSeparator {
                if let wordStart = start {
                    guard arguments.count < limits.maxArguments else {
                        throw RESPProtocolError("too many arguments (the limit is \(limits.maxArguments))")
                    }
                    if let slice = buffer.getSlice(at: base + wordStart, length: position - wordStart) { arguments.append(slice) }
                    start = nil
                }
            } else if start == nil {
                start = position
            }
        }
        buffer.moveReaderIndex(forwardBy: lineLength + 1)
        return arguments.isEmpty ? .some(nil) : .some(RESPCommand(arguments: arguments, isInline: true))
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }
}
