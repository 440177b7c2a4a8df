internal import CZlib

/// A gzip file's decompressed bytes, inflated with zlib as they are read.
///
/// Multi-member files (`cat a.gz b.gz`, or the output of parallel compressors) read as the
/// concatenation of their members. A damaged stream, bytes after a member that do not start
/// another gzip member, or a file that ends inside a member throw `IngestError.corruptGzip`.
/// An empty file reads as empty.
final class GzipFileSource: DumpByteSource {
    let path: String
    private let file: PlainFileSource
    /// zlib keeps a pointer back to its `z_stream`, so the stream must not move: it lives
    /// in memory allocated here, never in a Swift variable.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputExhausted = false
    /// Inside a member: input has gone to `inflate` since the start or the last member's end.
    private var insideMember = false
    /// A member has ended; `inflateReset` before inflating more.
    private var memberEnded = false
    private var finished = false
    var fileBytesRead: Int { file.fileBytesRead }

    init(path: String, inputBufferSize: Int = 1 << 18) throws {
        self.path = path
        file = try PlainFileSource(path: path)
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: inputBufferSize, alignment: 16)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 32: a 32 KiB window, and detect the gzip (or zlib) header automatically.
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw IngestError.corruptGzip(path: path, reason: "cannot start zlib (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let capacity = min(buffer.count, Int(UInt32.max))
        stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(capacity)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 {
                try refill()
                if stream.pointee.avail_in == 0 {
                    if insideMember {
                        throw IngestError.corruptGzip(path: path, reason: "unexpected end of file (truncated)")
                    }
                    finished = true
                    break
                }
            }
            if memberEnded {
                // More input after a finished member: the next member starts here.
                inflateReset(stream)
                memberEnded = false
            }
            insideMember = true
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                insideMember = false
                memberEnded = true
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                continue // needs more input: refill on the next turn
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw IngestError.corruptGzip(path: path, reason: message)
            }
        }
        return capacity - Int(stream.pointee.avail_out)
    }

    private func refill() throws {
        guard !inputExhausted else { return }
        let count = try file.read(into: input)
        if count == 0 { inputExhausted = true }
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(count)
    }
}
