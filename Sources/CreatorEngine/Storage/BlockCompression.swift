internal import CZstd

/// zstd compression of stored-document blocks. A compressor keeps its context between
/// blocks, so make one per thread.
public final class BlockCompressor {
    private let context: OpaquePointer
    private let level: Int32

    public init(level: Int32 = 3) {
        guard let context = ZSTD_createCCtx() else { fatalError("zstd could not allocate a compression context") }
        self.context = context
        self.level = level
    }

    deinit { ZSTD_freeCCtx(context) }

    public func compress(_ input: [UInt8]) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = output.withUnsafeMutableBytes { destination in
            input.withUnsafeBytes { source in
                ZSTD_compressCCtx(context, destination.baseAddress, bound, source.baseAddress, source.count, level)
            }
        }
        precondition(ZSTD_isError(written) == 0, "zstd compression failed")
        output.removeSubrange(written...)
        return output
    }
}

public enum BlockDecompressor {
    /// Decompresses a block whose size is known; throws on damaged input.
    public static func decompress(_ input: UnsafeRawBufferPointer, size: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { destination in
            ZSTD_decompress(destination.baseAddress, size, input.baseAddress, input.count)
        }
        guard ZSTD_isError(written) == 0, written == size else {
            throw IndexError.corrupt("stored-document block does not decompress")
        }
        return output
    }
}
