#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes read as they are, with `read(2)` (no Foundation buffering in between).
final class PlainFileSource: DumpByteSource {
    let path: String
    private var fd: Int32
    private(set) var fileBytesRead = 0

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IngestError.io(path: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(fd, base, buffer.count)
            if count >= 0 {
                fileBytesRead += count
                return count
            }
            if errno == EINTR { continue }
            throw IngestError.io(path: path, reason: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}
