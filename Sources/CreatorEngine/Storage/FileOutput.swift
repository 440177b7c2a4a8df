#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written sequentially through a buffer, with `fsync` on close: the writer behind
/// index files. Errors name the path and the system's reason.
///
/// The file goes out in whole chunks of `chunkSize` bytes at offsets that are multiples of it
/// (only the last chunk is shorter). On Linux with a filesystem that caches files in large
/// folios (ext4 and XFS since 6.x), such writes leave the file in the page cache in 2 MiB
/// folios, and a mapping of it (a server opening the index it has just built) then gets
/// 2 MiB page-table entries instead of 4 KiB ones: scans and random reads of the index miss
/// the TLB far less (`docs/search.md`, *Speed*). Writes of 1 MiB left most of it in 4 KiB pages.
public final class FileOutput {
    public let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    /// Twice the x86-64 huge page, so every chunk covers whole 2 MiB folios.
    static let chunkSize = 4 << 20
    /// Bytes written so far, buffered or not.
    public private(set) var offset: Int = 0

    public init(creating path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError.io("cannot create \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(Self.chunkSize)
    }

    deinit {
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        offset += bytes.count
        var rest = bytes
        while !rest.isEmpty {
            let taken = min(rest.count, Self.chunkSize - buffer.count)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            if buffer.count == Self.chunkSize { try flush() }
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try write(raw) }
    }

    /// Writes what is buffered. Only `close` and `overwrite` flush a partial chunk, so every
    /// other write starts on a chunk boundary.
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
