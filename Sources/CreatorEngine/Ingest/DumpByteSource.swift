/// A sequential source of a dump file's bytes (decompressed when the file is compressed).
protocol DumpByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 only at the end of the data.
    /// - Throws: `IngestError` naming the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes of the underlying file read so far (compressed bytes for a compressed file).
    var fileBytesRead: Int { get }
}
