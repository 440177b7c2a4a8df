internal import CZstd

/// zstd compression of stored-document blocks, with the store's dictionary when it has
/// one. A compressor keeps its context between blocks, so make one per thread.
public final class BlockCompressor {
    /// The store's level. On the grouped blocks of 1M generated creators (1,608 raw bytes a
    /// record), with the trained dictionary: level 3 485 bytes a record in 11.5 µs, 5 461
    /// bytes in 25 µs, 6 452 bytes in 40 µs (one core). Level 5 made the store 24 MB
    /// smaller than level 3 for about 14 CPU-s more across the two workers of a 1M build;
    /// level 6 another 9 MB for about 15 CPU-s more (index format 12), which brought the
    /// 1M index under a quarter of its dump.
    public static let defaultLevel: Int32 = 6

    private let context: OpaquePointer
    private let level: Int32
    private let dictionary: CompressionDictionary?

    /// `dictionary` must have been prepared with a level (which then replaces `level`).
    public init(level: Int32 = BlockCompressor.defaultLevel, dictionary: CompressionDictionary? = nil) {
        guard let context = ZSTD_createCCtx() else { fatalError("zstd could not allocate a compression context") }
        precondition(dictionary == nil || dictionary?.compressionDictionary != nil, "a dictionary prepared only for reading")
        self.context = context
        self.level = dictionary?.level ?? level
        self.dictionary = dictionary
    }

    deinit { ZSTD_freeCCtx(context) }

    public func compress(_ input: [UInt8]) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = output.withUnsafeMutableBytes { destination in
            input.withUnsafeBytes { source in
                if let prepared = dictionary?.compressionDictionary {
                    ZSTD_compress_usingCDict(context, destination.baseAddress, bound, source.baseAddress, source.count, prepared)
                } else {
                    ZSTD_compressCCtx(context, destination.baseAddress, bound, source.baseAddress, source.count, level)
                }
            }
        }
        precondition(ZSTD_isError(written) == 0, "zstd compression failed")
        output.removeSubrange(written...)
        return output
    }
}

public enum BlockDecompressor {
    /// Decompresses a block whose size is known, with the dictionary it was compressed
    /// with; throws on damaged input.
    public static func decompress(_ input: UnsafeRawBufferPointer, size: Int,
                                  dictionary: CompressionDictionary? = nil) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { destination in
            if let dictionary {
                return dictionary.withDecompressionContext { context in
                    ZSTD_decompress_usingDDict(context, destination.baseAddress, size, input.baseAddress, input.count,
                                               dictionary.decompressionDictionary)
                } ?? Int.max
            }
            return ZSTD_decompress(destination.baseAddress, size, input.baseAddress, input.count)
        }
        guard written != Int.max, ZSTD_isError(written) == 0, written == size else {
            throw IndexError.corrupt("stored-document block does not decompress")
        }
        return output
    }
}
