/// Reads a dump file (plain or gzip) as a sequence of `DumpChunk`s of about `chunkBytes`
/// bytes of complete lines each, never holding more of the file than one chunk and the
/// line in progress.
///
/// A line longer than `chunkBytes` makes one larger chunk. A UTF-8 byte order mark at the
/// start of the file is dropped. Not thread-safe: one reader per file, on one thread; the
/// chunks it returns are `Sendable` values for other threads to parse.
public final class DumpLineReader {
    public let file: DumpFile
    public let chunkBytes: Int
    private let source: any DumpByteSource
    /// The start of a line whose end has not been read yet (never holds a newline).
    private var carry: [UInt8] = []
    private var sourceExhausted = false
    private var nextLineNumber = 1
    /// Bytes of text (decompressed for gzip) handed out in chunks so far.
    public private(set) var textBytesRead = 0
    /// Bytes of the file on disk read so far (compressed bytes for gzip), for progress
    /// against `DumpFile.size`; runs ahead of the chunks handed out by up to a chunk.
    public var bytesConsumed: Int { source.fileBytesRead }

    /// The default chunk size: large enough that per-chunk costs vanish, small enough that a
    /// few chunks in flight per core stay cheap.
    public static let defaultChunkBytes = 6 << 20

    /// Opens `file`. - Throws: `IngestError.io` when it cannot be opened.
    public init(file: DumpFile, chunkBytes: Int = DumpLineReader.defaultChunkBytes) throws {
        self.file = file
        self.chunkBytes = max(1, chunkBytes)
        switch file.compression {
        case .none: source = try PlainFileSource(path: file.path)
        case .gzip: source = try GzipFileSource(path: file.path)
        }
    }

    /// The next chunk, or `nil` at the end of the file.
    /// - Throws: `IngestError` for a read error or a corrupt gzip stream (fatal: the file
    ///   cannot be read further).
    public func nextChunk() throws -> DumpChunk? {
        while true {
            // At the end of the data the last chunk took everything, a final line without
            // newline included.
            if sourceExhausted { return nil }
            let kept = carry.count
            let capacity = kept + max(chunkBytes, kept)
            var bytes = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                var filled = 0
                if kept > 0 {
                    carry.withUnsafeBufferPointer { carried in
                        _ = buffer.initialize(fromContentsOf: carried)
                    }
                    filled = kept
                }
                initialized = filled
                while filled < capacity {
                    let free = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
                    let count = try source.read(into: free)
                    if count == 0 {
                        sourceExhausted = true
                        break
                    }
                    filled += count
                    initialized = filled
                }
            }
            if sourceExhausted {
                carry = []
                if bytes.isEmpty { return nil }
                return makeChunk(bytes)
            }
            // Cut after the last newline; the rest starts the next chunk.
            var cut = bytes.count
            while cut > kept, bytes[cut - 1] != 0x0A { cut -= 1 }
            if cut == kept {
                carry = bytes // no newline yet: a long line; read on with a larger buffer
                continue
            }
            carry = Array(bytes[cut...])
            bytes.removeSubrange(cut...)
            return makeChunk(bytes)
        }
    }

    private func makeChunk(_ bytes: [UInt8]) -> DumpChunk {
        var bytes = bytes
        if nextLineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let chunk = DumpChunk(file: file, firstLineNumber: nextLineNumber, bytes: bytes)
        nextLineNumber += chunk.physicalLineCount
        textBytesRead += bytes.count
        return chunk
    }
}
