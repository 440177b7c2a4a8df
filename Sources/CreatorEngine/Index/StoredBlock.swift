/// A compressed block of stored documents (`StoredRecord`s), made on a worker thread.
///
/// Uncompressed layout: `count u32 · offsets u32[count+1] · record bytes`. Blocks hold up to
/// `maxDocuments` documents or about `targetBytes` bytes, whichever comes first: small enough
/// that showing one creator decompresses little, large enough that zstd finds the repetition.
public struct StoredBlock: Sendable {
    public static let maxDocuments = 32
    public static let targetBytes = 96 * 1024

    public var compressed: [UInt8]
    public var uncompressedSize: Int
    public var documentCount: Int

    /// Packs `documents` into blocks.
    public static func pack(_ documents: [[UInt8]], compressor: BlockCompressor) -> [StoredBlock] {
        var blocks: [StoredBlock] = []
        var start = 0
        while start < documents.count {
            var end = start
            var bytes = 0
            while end < documents.count, end - start < maxDocuments, bytes < targetBytes {
                bytes += documents[end].count
                end += 1
            }
            var raw = ByteWriter(reservingCapacity: bytes + 4 * (end - start + 2))
            raw.append(UInt32(end - start))
            var offset: UInt32 = 0
            raw.append(offset)
            for document in documents[start..<end] {
                offset += UInt32(document.count)
                raw.append(offset)
            }
            for document in documents[start..<end] { raw.append(contentsOf: document) }
            blocks.append(StoredBlock(compressed: compressor.compress(raw.bytes), uncompressedSize: raw.count,
                                      documentCount: end - start))
            start = end
        }
        return blocks
    }
}
