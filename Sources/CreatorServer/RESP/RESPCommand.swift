import NIOCore

/// One request as the decoder read it: the command's arguments (the name first), each a
/// slice of the bytes received, and whether it came as an inline line.
public struct RESPCommand: Sendable {
    public var arguments: [ByteBuffer]
    public var isInline: Bool

    public init(arguments: [ByteBuffer], isInline: Bool = false) {
        self.arguments = arguments
        self.isInline = isInline
    }

    /// The command's name in upper case ("" for none).
    public var name: String {
        guard let first = arguments.first else { return "" }
        // ASCII upper-casing without Unicode tables (command names are ASCII; anything else
        // is an unknown command either way).
        return first.withUnsafeReadableBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                for (position, byte) in bytes.enumerated() {
                    output[position] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// Argument `position` as text (invalid UTF-8 becomes U+FFFD).
    public func string(_ position: Int) -> String {
        String(decoding: arguments[position].readableBytesView, as: UTF8.self)
    }

    /// The arguments after the name as text.
    public var parameters: [String] { (1..<max(1, arguments.count)).map { string($0) } }

    /// The arguments after the name joined with single spaces (a query sent as several words).
    public var joinedParameters: String { parameters.joined(separator: " ") }
}

/// A request that breaks the protocol or a limit. The connection answers
/// `-ERR Protocol error: <message>` and closes, as Redis does.
public struct RESPProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "Protocol error: " + message }
}
