import Dispatch
import Synchronization

/// Writes `sketch.minhash` (the MinHash sketch of each creator with a follower sample, in
/// document order) and `overlap.postings`: the same sketches inverted, so that the creators
/// whose audience overlaps a given one are found without reading every sketch. Both are
/// read by `OverlapEstimator`, which finds a creator's sketch row by rank in the postings'
/// bitset of sampled creators.
///
/// Two creators' overlap estimate is zero unless some bucket holds the same value in both
/// sketches. So for each (bucket, value) pair the section lists the documents whose sketch
/// holds that value in that bucket; `OverlapEstimator.shares` reads the reference's 64 lists
/// and knows every other creator with a sample shares nothing. Lists of one document are left
/// out (they can only hold the reference itself), and empty buckets are not values.
///
/// ```
/// u32 bucket count · u32 key count · u64 posting bytes · u64 document count
/// u64 sampled[(documents + 63) / 64]   bit d % 64 of word d / 64: document d has a sample
/// u64 bucket byte starts[buckets + 1]  where each bucket's postings start in `postings`
/// u32 bucket key starts[buckets + 1]   keys of bucket b: starts[b]..<starts[b+1]
/// u16 key values[keys]                 ascending within a bucket (padded to 4)
/// u32 key ends[keys]                   where key k's postings end, from its bucket's start
///                                      (they start where the bucket's previous key ends)
/// u8 postings[posting bytes]           per key: the documents ascending, as varint deltas
///                                      (the first one as is)
/// ```
/// At 1M generated creators (62% with a sample) the lists hold 40M documents in 94 MB
/// (2.35 bytes each, against 4 as u32) under 3.06M keys (18 MB of tables): 107 MiB, beside
/// the 76 MiB of `sketch.minhash` itself (a row for each creator with a sample).
///
/// The inversion is a counting sort by groups of eight buckets, the groups on all cores
/// (the parse workers are idle at `finish`): each group needs 2 MB of counts and its own
/// documents (32 MB at 1M creators) besides its encoded lists, so the section is written
/// without a large transient while the build holds nearly all its memory.
enum OverlapPostingsBuilder {
    static let sectionName = "overlap.postings"
    static let sketchSectionName = "sketch.minhash"
    static let bucketsPerGroup = 8

    /// The keys and encoded lists of a few consecutive buckets.
    private struct Group: Sendable {
        /// Per bucket, where its lists start in `postings`.
        var bucketByteStarts: [Int] = []
        /// Per bucket, how many keys it has.
        var bucketKeyCounts: [Int] = []
        var keyValues: [UInt16] = []
        var keyEnds: [UInt32] = []
        var postings: [UInt8] = []
    }

    /// - Parameter sketches: `AudienceSketch.bucketCount` values per slot.
    static func write(sketches: [UInt16], slotOfDocument: [UInt32], to writer: IndexFileWriter) throws {
        let buckets = AudienceSketch.bucketCount
        let sampled = PresenceBitset.words(documentCount: slotOfDocument.count) { document in
            let start = Int(slotOfDocument[document]) * buckets
            return AudienceSketch.holdsSample(sketches[start..<start + buckets])
        }
        try writeSketchRows(sketches: sketches, slotOfDocument: slotOfDocument, sampled: sampled, to: writer)
        let groupCount = (buckets + bucketsPerGroup - 1) / bucketsPerGroup
        let results = Mutex([Group?](repeating: nil, count: groupCount))
        DispatchQueue.concurrentPerform(iterations: groupCount) { group in
            let range = group * bucketsPerGroup..<min(buckets, (group + 1) * bucketsPerGroup)
            let inverted = invert(sketches: sketches, slotOfDocument: slotOfDocument, buckets: range)
            results.withLock { $0[group] = inverted }
        }
        let groups = results.withLock { $0.compactMap { $0 } }

        var bucketByteStarts: [UInt64] = []
        var bucketKeyStarts: [UInt32] = [0]
        var keyValues: [UInt16] = []
        var keyEnds: [UInt32] = []
        var postingBytes = 0
        for group in groups {
            for (start, keys) in zip(group.bucketByteStarts, group.bucketKeyCounts) {
                bucketByteStarts.append(UInt64(postingBytes + start))
                bucketKeyStarts.append(bucketKeyStarts[bucketKeyStarts.count - 1] + UInt32(keys))
            }
            keyValues += group.keyValues
            keyEnds += group.keyEnds
            postingBytes += group.postings.count
        }
        bucketByteStarts.append(UInt64(postingBytes))
        var head = ByteWriter()
        head.append(UInt32(buckets))
        head.append(UInt32(keyValues.count))
        head.append(UInt64(postingBytes))
        head.append(UInt64(slotOfDocument.count))
        head.appendArray(sampled)
        head.appendArray(bucketByteStarts)
        head.appendArray(bucketKeyStarts)
        head.appendArray(keyValues)
        head.align(to: 4)
        head.appendArray(keyEnds)
        try writer.beginSection(sectionName)
        try writer.append(head.bytes)
        for group in groups { try writer.append(group.postings) }
        try writer.endSection()
    }

    /// `sketch.minhash`: a row of `AudienceSketch.bucketCount` values for each creator with
    /// a sample (a bit of `sampled`), in document order; the others' sketches are empty.
    private static func writeSketchRows(sketches: [UInt16], slotOfDocument: [UInt32], sampled: [UInt64],
                                        to writer: IndexFileWriter) throws {
        let buckets = AudienceSketch.bucketCount
        let bytes = sampled.withUnsafeBufferPointer { words in
            let present = PresenceBitset(words: words)
            var bytes = ByteWriter(reservingCapacity: present.count * buckets * 2)
            for (document, slot) in slotOfDocument.enumerated() where present.contains(document) {
                bytes.appendArray(Array(sketches[Int(slot) * buckets..<(Int(slot) + 1) * buckets]))
            }
            return bytes.bytes
        }
        try writer.addSection(sketchSectionName, bytes)
    }

    private static func invert(sketches: [UInt16], slotOfDocument: [UInt32], buckets group: Range<Int>) -> Group {
        let buckets = AudienceSketch.bucketCount
        let values = 1 << 16
        // counts[(bucket - first) << 16 | value]: first the number of documents, then each kept key's cursor.
        var counts = [UInt32](repeating: 0, count: group.count * values)
        var result = Group()
        var keyStarts: [UInt32] = []
        var documents: [UInt32] = []
        let dropped = UInt32.max
        sketches.withUnsafeBufferPointer { sketches in
            counts.withUnsafeMutableBufferPointer { counts in
                for slot in slotOfDocument {
                    let start = Int(slot) * buckets
                    for bucket in group where sketches[start + bucket] != AudienceSketch.empty {
                        counts[(bucket - group.lowerBound) << 16 | Int(sketches[start + bucket])] += 1
                    }
                }
                var total: UInt32 = 0
                for key in counts.indices {
                    let count = counts[key]
                    guard count >= 2 else {
                        counts[key] = dropped
                        continue
                    }
                    counts[key] = total
                    keyStarts.append(total)
                    total += count
                }
                documents = [UInt32](repeating: 0, count: Int(total))
                documents.withUnsafeMutableBufferPointer { documents in
                    for (document, slot) in slotOfDocument.enumerated() {
                        let start = Int(slot) * buckets
                        for bucket in group where sketches[start + bucket] != AudienceSketch.empty {
                            let key = (bucket - group.lowerBound) << 16 | Int(sketches[start + bucket])
                            guard counts[key] != dropped else { continue }
                            documents[Int(counts[key])] = UInt32(document)
                            counts[key] += 1
                        }
                    }
                }
            }
        }
        // Now counts[key] is the end of each kept key's documents; keys ascend by bucket, then value.
        result.postings.reserveCapacity(documents.count * 2)
        var keyIndex = 0
        for bucket in group {
            let bucketStart = result.postings.count
            result.bucketByteStarts.append(bucketStart)
            let base = (bucket - group.lowerBound) << 16
            let keysBefore = result.keyValues.count
            for value in 0..<values where counts[base | value] != dropped {
                let first = Int(keyStarts[keyIndex]), end = Int(counts[base | value])
                var previous: UInt32 = 0
                for position in first..<end {
                    let document = documents[position]
                    result.postings.appendVarint(position == first ? document : document - previous)
                    previous = document
                }
                keyIndex += 1
                result.keyValues.append(UInt16(value))
                result.keyEnds.append(UInt32(result.postings.count - bucketStart))
            }
            result.bucketKeyCounts.append(result.keyValues.count - keysBefore)
        }
        return result
    }
}
