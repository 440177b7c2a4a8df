import Foundation

/// One dump file to read: its path, whether it is gzip-compressed, and its size on disk.
/// `DumpDiscovery` makes them from the paths a user gives.
public struct DumpFile: Sendable, Hashable, CustomStringConvertible {
    public enum Compression: Sendable, Hashable {
        case none
        case gzip
    }

    public let path: String
    public let compression: Compression
    /// Bytes on disk (compressed size for gzip) when the file was opened, for progress.
    public let size: Int

    public init(path: String, compression: Compression, size: Int) {
        self.path = path
        self.compression = compression
        self.size = size
    }

    /// A file taken as is, whatever its name: gzip when its name ends in `.gz` or its first
    /// two bytes are the gzip magic (`1f 8b`), plain otherwise.
    /// - Throws: `IngestError.pathNotFound` when there is no such file (or it is a folder),
    ///   `IngestError.io` when it cannot be read.
    public init(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { throw IngestError.pathNotFound(path) }
        let gzip = try path.hasSuffix(".gz") || DumpFile.startsWithGzipMagic(path)
        self.init(path: path, compression: gzip ? .gzip : .none, size: Int(info.st_size))
    }

    public var description: String { path }

    private static func startsWithGzipMagic(_ path: String) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IngestError.io(path: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var magic: (UInt8, UInt8) = (0, 0)
        let count = withUnsafeMutableBytes(of: &magic) { read(fd, $0.baseAddress, 2) }
        return count == 2 && magic.0 == 0x1f && magic.1 == 0x8b
    }
}
