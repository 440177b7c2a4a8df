#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reject file: one JSON line per rejected dump line,
/// `{"source": "<file>", "line": <n>, "reason": "<why>", "text": "<the line>"}`.
///
/// The file is created (or truncated) when the log is opened, so after a build an empty
/// reject file means "nothing rejected" and no stale rejects from an earlier build remain.
/// `text` is the line as JSON text; bytes that are not valid UTF-8 (a reason to reject the
/// line) are replaced with U+FFFD, since a JSON string cannot hold them — so `text` is the
/// line unchanged except for those bytes. Writes are buffered; call `close()` (or at least
/// `flush()`) to see them on disk. One writer: not thread-safe; feed it from one thread.
public final class RejectLog {
    public let path: String
    /// Rejects recorded so far.
    public private(set) var count = 0
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 20

    /// - Throws: `IngestError.io` when the file cannot be created.
    public init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IngestError.io(path: path, reason: "cannot create: \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(bufferLimit)
    }

    deinit {
        if fd >= 0 {
            try? flush()
            _ = Glibc.close(fd)
        }
    }

    /// Appends one reject.
    public func write(source: String, line: Int, reason: String, text: [UInt8]) throws {
        try text.withUnsafeBytes { try write(source: source, line: line, reason: reason, text: $0) }
    }

    /// Appends one reject.
    public func write(source: String, line: Int, reason: String, text: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: #"{"source":"#.utf8)
        appendJSONString(source)
        buffer.append(contentsOf: #","line":"#.utf8)
        buffer.append(contentsOf: String(line).utf8)
        buffer.append(contentsOf: #","reason":"#.utf8)
        appendJSONString(reason)
        buffer.append(contentsOf: #","text":"#.utf8)
        appendJSONString(String(decoding: text, as: UTF8.self))
        buffer.append(contentsOf: "}\n".utf8)
        count += 1
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Writes buffered rejects to the file.
    public func flush() throws {
        guard fd >= 0, !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw IngestError.io(path: path, reason: "write failed: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; later records are errors.
    public func close() throws {
        guard fd >= 0 else { return }
        try flush()
        let status = Glibc.close(fd)
        fd = -1
        guard status == 0 else { throw IngestError.io(path: path, reason: "close failed: \(String(cString: strerror(errno)))") }
    }

    private func appendJSONString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): buffer.append(contentsOf: #"\\"#.utf8)
            case 0x0A: buffer.append(contentsOf: #"\n"#.utf8)
            case 0x0D: buffer.append(contentsOf: #"\r"#.utf8)
            case 0x09: buffer.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: #"\u00"#.utf8)
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
