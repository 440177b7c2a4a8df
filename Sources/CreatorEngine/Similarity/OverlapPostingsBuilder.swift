/// Writes `overlap.postings`: the MinHash sketches of `sketch.minhash` inverted, so that the
/// creators whose audience overlaps a given one are found without reading every sketch.
///
/// Two creators' overlap estimate is zero unless some bucket holds the same value in both
/// sketches. So for each (bucket, value) pair the section lists the documents whose sketch
/// holds that value in that bucket; `OverlapEstimator.shares` reads the reference's 64 lists
/// and knows every other creator with a sample shares nothing. Lists of one document are left
/// out (they can only hold the reference itself), and empty buckets are not values.
///
/// ```
/// u32 bucket count · u32 key count · u64 posting count
/// u32 bucket key starts[buckets + 1]   keys of bucket b: starts[b]..<starts[b+1]
/// u16 key values[keys]                 ascending within a bucket (padded to 8)
/// u32 key posting starts[keys + 1]     documents of key k: starts[k]..<starts[k+1] (padded to 8)
/// u32 documents[postings]              ascending within a key
/// ```
/// About 4 bytes × 64 for every creator with a sample: 16 MB at 100k creators (62% with a
/// sample), 160 MB at 1M, beside the 128 MB of `sketch.minhash` itself.
///
/// The inversion (two counting-sort passes, ~1–2 s at 1M creators) runs on another thread
/// from `init`, while the merging thread writes other sections; `write` collects it.
struct OverlapPostingsBuilder {
    static let sectionName = "overlap.postings"

    private struct Encoded: Sendable {
        var head: [UInt8]
        var documents: [UInt32]
    }

    private let work: BackgroundWork<Encoded>

    /// Starts inverting the sketches (`AudienceSketch.bucketCount` values per slot).
    init(sketches: [UInt16], slotOfDocument: [UInt32]) {
        work = BackgroundWork { Self.encode(sketches: sketches, slotOfDocument: slotOfDocument) }
    }

    /// Waits for the inversion and writes the section.
    func write(to writer: IndexFileWriter) throws {
        let encoded = work.wait()
        try writer.beginSection(Self.sectionName)
        try writer.append(encoded.head)
        try encoded.documents.withUnsafeBytes { try writer.append($0) }
        try writer.endSection()
    }

    private static func encode(sketches: [UInt16], slotOfDocument: [UInt32]) -> Encoded {
        let buckets = AudienceSketch.bucketCount
        let values = 1 << 16
        // counts[bucket << 16 | value]: first the number of documents, then each kept key's cursor.
        var counts = [UInt32](repeating: 0, count: buckets * values)
        sketches.withUnsafeBufferPointer { sketches in
            for slot in slotOfDocument {
                let start = Int(slot) * buckets
                for bucket in 0..<buckets where sketches[start + bucket] != AudienceSketch.empty {
                    counts[bucket << 16 | Int(sketches[start + bucket])] += 1
                }
            }
        }
        var bucketKeyStarts: [UInt32] = [0]
        var keyValues: [UInt16] = []
        var keyPostingStarts: [UInt32] = [0]
        let dropped = UInt32.max
        for bucket in 0..<buckets {
            for value in 0..<values {
                let key = bucket << 16 | value
                let count = counts[key]
                guard count >= 2 else {
                    counts[key] = dropped
                    continue
                }
                counts[key] = keyPostingStarts[keyPostingStarts.count - 1]
                keyValues.append(UInt16(value))
                keyPostingStarts.append(counts[key] + count)
            }
            bucketKeyStarts.append(UInt32(keyValues.count))
        }
        let postingCount = Int(keyPostingStarts[keyPostingStarts.count - 1])
        var documents = [UInt32](repeating: 0, count: postingCount)
        sketches.withUnsafeBufferPointer { sketches in
            for (document, slot) in slotOfDocument.enumerated() {
                let start = Int(slot) * buckets
                for bucket in 0..<buckets where sketches[start + bucket] != AudienceSketch.empty {
                    let key = bucket << 16 | Int(sketches[start + bucket])
                    guard counts[key] != dropped else { continue }
                    documents[Int(counts[key])] = UInt32(document)
                    counts[key] += 1
                }
            }
        }
        var head = ByteWriter()
        head.append(UInt32(buckets))
        head.append(UInt32(keyValues.count))
        head.append(UInt64(postingCount))
        head.appendArray(bucketKeyStarts)
        head.appendArray(keyValues)
        head.align(to: 8)
        head.appendArray(keyPostingStarts)
        head.align(to: 8)
        return Encoded(head: head.bytes, documents: documents)
    }
}
