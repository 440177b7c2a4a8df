#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A small blocking RESP client over a POSIX socket, for end-to-end tests: sends commands as
/// multi-bulk arrays (or raw bytes), reads RESP2/RESP3 replies.
final class RESPTestClient {
    /// A decoded reply.
    indirect enum Reply: Equatable, CustomStringConvertible {
        case simple(String)
        case error(String)
        case integer(Int)
        case bulk([UInt8])
        case null
        case array([Reply])
        case map([Reply])  // keys and values alternating

        var text: String? {
            switch self {
            case .simple(let text), .error(let text): text
            case .bulk(let bytes): String(decoding: bytes, as: UTF8.self)
            default: nil
            }
        }

        var json: [String: Any]? {
            guard case .bulk(let bytes) = self else { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        }

        var isError: Bool {
            if case .error = self { return true }
            return false
        }

        var description: String {
            switch self {
            case .simple(let text): "+\(text)"
            case .error(let text): "-\(text)"
            case .integer(let value): ":\(value)"
            case .bulk: "$\(text ?? "")"
            case .null: "(nil)"
            case .array(let elements): "[\(elements.map(\.description).joined(separator: ", "))]"
            case .map(let elements): "%{\(elements.map(\.description).joined(separator: ", "))}"
            }
        }
    }

    struct Closed: Error {}

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0

    init(port: Int, receiveTimeout seconds: Int = 20) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Closed() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Closed()
        }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// The multi-bulk encoding of a command.
    static func encode(_ arguments: [String]) -> [UInt8] {
        var bytes = Array("*\(arguments.count)\r\n".utf8)
        for argument in arguments {
            let utf8 = Array(argument.utf8)
            bytes += Array("$\(utf8.count)\r\n".utf8) + utf8 + [13, 10]
        }
        return bytes
    }

    func send(raw bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard result > 0 else { throw Closed() }
            sent += result
        }
    }

    func send(_ arguments: String...) throws { try send(raw: Self.encode(arguments)) }

    /// Sends one command and reads its reply.
    func call(_ arguments: String...) throws -> Reply {
        try send(raw: Self.encode(arguments))
        return try read()
    }

    func read() throws -> Reply {
        let line = try readLine()
        guard let marker = line.first else { throw Closed() }
        let rest = String(decoding: line.dropFirst(), as: UTF8.self)
        switch marker {
        case UInt8(ascii: "+"): return .simple(rest)
        case UInt8(ascii: "-"): return .error(rest)
        case UInt8(ascii: ":"): return .integer(Int(rest) ?? 0)
        case UInt8(ascii: "_"): return .null
        case UInt8(ascii: "$"):
            guard let length = Int(rest) else { throw Closed() }
            if length < 0 { return .null }
            let bytes = try readBytes(length + 2)
            return .bulk(Array(bytes.prefix(length)))
        case UInt8(ascii: "*"):
            guard let count = Int(rest) else { throw Closed() }
            if count < 0 { return .null }
            return .array(try (0..<count).map { _ in try read() })
        case UInt8(ascii: "%"):
            guard let count = Int(rest) else { throw Closed() }
            return .map(try (0..<(count * 2)).map { _ in try read() })
        default:
            throw Closed()
        }
    }

    /// True when the server closed the connection (reads end of stream).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        if position < buffer.count { return false }
        let result = recv(fd, &byte, 1, 0)
        // End of stream, or a reset (the server closed with our bytes unread); not a timeout.
        return result == 0 || (result < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Closed() }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer += chunk.prefix(count)
    }

    private func readLine() throws -> [UInt8] {
        while true {
            if let end = buffer[position...].firstIndex(of: 10), end > position, buffer[end - 1] == 13 {
                let line = Array(buffer[position..<(end - 1)])
                position = end + 1
                return line
            }
            try fill()
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count - position < count { try fill() }
        let bytes = Array(buffer[position..<(position + count)])
        position += count
        return bytes
    }
}
