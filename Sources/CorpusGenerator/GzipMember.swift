import CZlib

/// One gzip member made with zlib (Foundation has no gzip on Linux). A `.jsonl.gz` dump is
/// the concatenation of one member per chunk, which gzip readers (and the engine) read as a
/// single stream; compressing chunks independently lets every thread compress its own.
/// The header carries no time stamp or name, so the output is reproducible.
enum GzipMember {
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8] {
        // zlib keeps a pointer back to its z_stream: it must not move, so it lives in memory
        // allocated here rather than in a Swift variable.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // windowBits 15 + 16: a gzip wrapper rather than zlib's.
        let status = deflateInit2_(stream, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit2 failed with status \(status)")
        defer { deflateEnd(stream) }
        let bound = Int(deflateBound(stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                let result = deflate(stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "zlib deflate did not finish (status \(result))")
                return target.count - Int(stream.pointee.avail_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }
}
