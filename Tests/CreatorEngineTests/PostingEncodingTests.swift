import Testing
@testable import CreatorEngine

@Suite("Postings: document deltas, then frequencies in four bits with large ones apart")
struct PostingEncodingTests {
    private func encode(_ documents: [UInt32], _ frequencies: [UInt32]) -> [UInt8] {
        var bytes = ByteWriter()
        PostingEncoding.append(documents: documents, frequencies: frequencies, to: &bytes)
        return bytes.bytes
    }

    private func decode(_ bytes: [UInt8], count: Int, limit: UInt32 = .max) -> (documents: [UInt32], frequencies: [UInt32])? {
        var documents = [UInt32](repeating: 0, count: count), frequencies = [UInt32](repeating: 0, count: count)
        let decoded = bytes.withUnsafeBytes { raw in
            documents.withUnsafeMutableBufferPointer { documents in
                frequencies.withUnsafeMutableBufferPointer { frequencies in
                    PostingEncoding.decode(raw, count: count, documentLimit: limit, documents: documents, frequencies: frequencies)
                }
            }
        }
        return decoded ? (documents, frequencies) : nil
    }

    @Test("random lists read back exactly, by the decoder and by the cursor's reads", arguments: 0..<40)
    func roundTrip(seed: Int) throws {
        var random = SplitMixRandom(seed: UInt64(seed))
        let count = seed < 8 ? seed : Int(random.next() % 3000)
        var document: UInt32 = 0
        let documents: [UInt32] = (0..<count).map { index in
            document += index == 0 ? UInt32(random.next() % 50) : 1 + UInt32(random.next() % (seed % 2 == 0 ? 20 : 200_000))
            return document
        }
        // One seed in three has rare large frequencies, so runs without an escape alternate with escapes.
        let frequencies: [UInt32] = (0..<count).map { _ in
            switch random.next() % (seed % 3 == 0 ? 150 : 10) {
            case 0: 14 + UInt32(random.next() % 4)            // around the four-bit limit (15, 16, 17)
            case 1: 16 + UInt32(random.next() % 2_000_000)     // large
            default: 1 + UInt32(random.next() % 3)
            }
        }
        let bytes = encode(documents, frequencies)
        let decoded = try #require(decode(bytes, count: count))
        #expect(decoded.documents == documents)
        #expect(decoded.frequencies == frequencies)
        // The cursor's way: skip the deltas, then each frequency in turn.
        try bytes.withUnsafeBytes { raw in
            let codes = try #require(PostingEncoding.codesStart(raw, count: count))
            var large = codes + (count + 1) / 2
            for index in 0..<count {
                #expect(PostingEncoding.frequency(raw, codes: codes, index: index, large: &large) == frequencies[index])
            }
            #expect(large == raw.count)
        }
        // Bytes cut short decode to nothing. (A wrong count is caught when the lengths do
        // not add up, which they can by chance: the format holds no lengths of its own.)
        if count > 0 { #expect(decode(Array(bytes.dropLast()), count: count) == nil) }
        // A document at or past the index's last is damage too.
        if let last = documents.last {
            #expect(decode(bytes, count: count, limit: last) == nil)
            #expect(decode(bytes, count: count, limit: last + 1) != nil)
        }
    }

    @Test("inside runs of one-byte deltas, a zero delta or a document past 2^32 is refused wherever it falls")
    func damageInRuns() {
        let documents = (0..<41).map { UInt32($0) }
        let bytes = encode(documents, Array(repeating: 1, count: 41))
        #expect(decode(bytes, count: 41)?.documents == documents)
        for position in 1...40 {  // byte 0 is the first document, bytes 1...40 its deltas of 1
            var damaged = bytes
            damaged[position] = 0
            #expect(decode(damaged, count: 41) == nil, "a zero delta at byte \(position) was accepted")
        }
        // Deltas that would carry the documents past UInt32.max (the run would wrap around).
        for first in [UInt32.max - 3, UInt32.max - 1_000, UInt32.max - 1_016, UInt32.max - 2_033, UInt32.max - 5_000] {
            var wrapping = ByteWriter()
            wrapping.appendVarint(UInt64(first))
            for _ in 0..<16 { wrapping.appendVarint(127) }
            wrapping.append(contentsOf: [UInt8](repeating: 0, count: 9))  // the frequency codes
            let fits = UInt64(first) + 16 * 127 <= UInt64(UInt32.max)
            #expect((decode(wrapping.bytes, count: 17) != nil) == fits, "first document \(first)")
        }
    }

    @Test("most frequencies take half a byte")
    func size() {
        let documents = (0..<1000).map { UInt32($0 * 3) }
        #expect(encode(documents, Array(repeating: 2, count: 1000)).count == 1000 + 500)
        #expect(encode(documents, Array(repeating: 300, count: 1000)).count == 1000 + 500 + 2000)
    }
}
