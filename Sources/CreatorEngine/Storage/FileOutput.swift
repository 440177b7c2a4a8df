#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written sequentially through a buffer, with `fsync` on close: the writer behind
/// index files. Errors name the path and the system's reason.
public final class FileOutput {
    public let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 20
    /// Bytes written so far, buffered or not.
    public private(set) var offset: Int = 0

    public init(creating path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError.io("cannot create \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(bufferLimit)
    }

    deinit {
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        offset += bytes.count
        if buffer.count + bytes.count <= bufferLimit {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= bufferLimit { try writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try write(raw) }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in try writeAll(raw) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` at an absolute position (used to fill in a header last).
    public func overwrite(at position: Int, _ bytes: [UInt8]) throws {
        try flush()
        let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(position)) }
        guard written == bytes.count else { throw IndexError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    /// Flushes, forces the data to disk and closes the file.
    public func close() throws {
        try flush()
        guard fsync(fd) == 0 else { throw IndexError.io("cannot sync \(path): \(String(cString: strerror(errno)))") }
        #if canImport(Glibc)
        let result = Glibc.close(fd)
        #else
        let result = Darwin.close(fd)
        #endif
        fd = -1
        guard result == 0 else { throw IndexError.io("cannot close \(path): \(String(cString: strerror(errno)))") }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw IndexError.io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += written
        }
    }
}
