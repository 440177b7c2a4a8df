/// A compressed block of stored documents (`StoredRecord`s), made on a worker thread.
///
/// Uncompressed layout: `count u32 · offsets u32[count+1] · record bytes`. Blocks hold up to
/// `maxDocuments` documents or about `targetBytes` bytes, whichever comes first: small enough
/// that showing one creator decompresses little, large enough that zstd finds the repetition.
///
/// The records of a chunk of the dump go into blocks grouped by language and category
/// (`Grouping`), not in dump order: captions of one language and niche share words and
/// phrasing that zstd then finds within a block. At a million generated creators this, with
/// blocks of up to 64 records, made the store 4.7 % smaller at the same level; blocks of 64
/// instead of 32 gain only 0.6 % of that and double what a GET decompresses (166 µs a
/// lookup on the 100k index with 64), so blocks keep 32.
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

extension StoredBlock {
    /// The key whose records are stored together: the profile's first language and category.
    static func groupKey(of profile: CreatorProfile) -> String {
        "\(profile.languages.first ?? "")\u{0}\(profile.categories.first ?? "")"
    }

    /// The order in which a chunk's records go into blocks: by group key, and in their own
    /// order within a key (so a build is the same whatever the threads' timing).
    struct Grouping {
        /// Record indexes in block order.
        let order: [Int]
        /// Where each record lands in `order`: `order[positions[i]] == i`.
        let positions: [UInt32]

        init(keys: [String]) {
            order = keys.indices.sorted { keys[$0] == keys[$1] ? $0 < $1 : keys[$0] < keys[$1] }
            var positions = [UInt32](repeating: 0, count: keys.count)
            for (position, record) in order.enumerated() { positions[record] = UInt32(position) }
            self.positions = positions
        }
    }
}
