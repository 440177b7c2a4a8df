internal import CZstd
import Synchronization

/// A zstd dictionary for the document store, trained at build time on a sample of stored
/// records and kept once in the index (`store.dictionary`).
///
/// Stored blocks are small (a few dozen records) so that showing one creator decompresses
/// little; on its own, zstd finds little to reuse in so few records. A dictionary gives it
/// the keys, phrases and number shapes common to all records up front: at level 3 the
/// store shrinks by about a sixth for a tenth of a second of training. Its prepared forms
/// are read-only once made, so one instance is shared by every thread (zstd documents
/// `ZSTD_CDict` and `ZSTD_DDict` as safe to share).
public final class CompressionDictionary: @unchecked Sendable {
    /// The dictionary as stored in the index.
    public let bytes: [UInt8]
    /// The level blocks are compressed at; `nil` for a dictionary prepared only to read.
    let level: Int32?
    private let compression: OpaquePointer?
    private let decompression: OpaquePointer
    /// Decompression contexts not in use, kept for the next read (making one per block
    /// cost about a tenth of a stored-document lookup); at most `keptContexts`.
    private let idleContexts = Mutex<[DecompressionContext]>([])
    private static let keptContexts = 8

    /// A `ZSTD_DCtx`, used by one thread at a time (moved between threads only while idle).
    private struct DecompressionContext: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Prepares a dictionary for decompression, and for compression at `level` unless it
    /// is `nil` (an index being read needs no compression tables); `nil` when zstd does
    /// not accept the bytes.
    public init?(bytes: [UInt8], level: Int32? = BlockCompressor.defaultLevel) {
        guard !bytes.isEmpty else { return nil }
        let decompression = bytes.withUnsafeBytes { ZSTD_createDDict($0.baseAddress, $0.count) }
        guard let decompression else { return nil }
        var compression: OpaquePointer?
        if let level {
            compression = bytes.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, level) }
            guard compression != nil else {
                ZSTD_freeDDict(decompression)
                return nil
            }
        }
        self.bytes = bytes
        self.level = level
        self.compression = compression
        self.decompression = decompression
    }

    deinit {
        if let compression { ZSTD_freeCDict(compression) }
        ZSTD_freeDDict(decompression)
        idleContexts.withLock { contexts in for context in contexts { ZSTD_freeDCtx(context.pointer) } }
    }

    /// Runs `body` with a decompression context of its own (taken from the idle ones or
    /// made), and keeps the context for later reads; `nil` when zstd cannot allocate one.
    func withDecompressionContext<Result>(_ body: (OpaquePointer) -> Result) -> Result? {
        guard let context = idleContexts.withLock({ $0.popLast() }) ?? ZSTD_createDCtx().map(DecompressionContext.init) else {
            return nil
        }
        let result = body(context.pointer)
        let kept = idleContexts.withLock { contexts in
            guard contexts.count < Self.keptContexts else { return false }
            contexts.append(context)
            return true
        }
        if !kept { ZSTD_freeDCtx(context.pointer) }
        return result
    }

    /// Present when the dictionary was prepared with a level.
    var compressionDictionary: OpaquePointer? { compression }
    var decompressionDictionary: OpaquePointer { decompression }

    /// Trains a dictionary of at most `capacity` bytes on `samples`; `nil` when the sample
    /// is too small to be worth one (a tiny index) or zstd cannot train on it.
    ///
    /// fastCover with fixed parameters (segments of 200 bytes, 8-byte d-mers) rather than
    /// zstd's parameter search: on generated stored records it gives the same sizes within
    /// 1 % in a fraction of the time.
    public static func train(samples: [[UInt8]], capacity: Int = 256 * 1024) -> [UInt8]? {
        let total = samples.reduce(0) { $0 + $1.count }
        let capacity = min(capacity, total / 10)
        guard samples.count >= 64, capacity >= 4096 else { return nil }
        var joined: [UInt8] = []
        joined.reserveCapacity(total)
        for sample in samples { joined.append(contentsOf: sample) }
        let sizes = samples.map { Int($0.count) }
        var dictionary = [UInt8](repeating: 0, count: capacity)
        var parameters = ZDICT_fastCover_params_t()
        parameters.k = 200
        parameters.d = 8
        parameters.f = 20
        parameters.accel = 1
        parameters.steps = 0
        parameters.nbThreads = 1
        parameters.zParams.compressionLevel = BlockCompressor.defaultLevel
        let written = dictionary.withUnsafeMutableBytes { destination in
            joined.withUnsafeBytes { source in
                sizes.withUnsafeBufferPointer { sizes in
                    ZDICT_trainFromBuffer_fastCover(destination.baseAddress, capacity, source.baseAddress,
                                                    sizes.baseAddress, UInt32(sizes.count), parameters)
                }
            }
        }
        guard ZDICT_isError(written) == 0, written > 0 else { return nil }
        dictionary.removeSubrange(written...)
        return dictionary
    }
}
