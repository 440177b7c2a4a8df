import CPostings
import Testing
@testable import CreatorEngine

@Suite("Chunked document lists: facets and audience keys read back exactly")
struct ChunkedDocumentListsTests {
    /// Random ascending lists over `documentCount` documents: empty ones, sparse ones, dense
    /// runs, and documents on both sides of each 65,536 boundary.
    private func randomLists(_ random: inout SplitMixRandom, documentCount: Int) -> [[UInt32]] {
        (0..<Int(1 + random.next() % 12)).map { _ in
            var documents = Set<UInt32>()
            switch random.next() % 4 {
            case 0: break
            case 1: for _ in 0..<Int(random.next() % 50) { documents.insert(UInt32(random.next() % UInt64(documentCount))) }
            case 2: for document in 0..<documentCount where random.next() % 3 == 0 { documents.insert(UInt32(document)) }
            default:
                for boundary in stride(from: 65_536, to: documentCount + 1, by: 65_536) {
                    for document in [boundary - 1, boundary, documentCount - 1] where document < documentCount {
                        documents.insert(UInt32(document))
                    }
                }
            }
            return documents.sorted()
        }
    }

    private func withReader<T>(_ bytes: [UInt8], documentCount: Int, _ body: (ChunkedDocumentLists.Reader) throws -> T) throws -> T {
        try bytes.withUnsafeBytes { raw in
            try body(try ChunkedDocumentLists.Reader(ByteView(base: raw.baseAddress!, count: raw.count, context: "lists"),
                                                     at: 8, documentCount: documentCount))
        }
    }

    @Test("every list decodes to the documents written, whatever the chunk count", arguments: 0..<12)
    func roundTrip(seed: Int) throws {
        var random = SplitMixRandom(seed: UInt64(seed))
        let documentCount = [1, 100, 65_535, 65_536, 65_537, 200_000][seed % 6] + Int(random.next() % 3)
        let lists = randomLists(&random, documentCount: documentCount)
        var writer = ByteWriter()
        writer.append(UInt64(0))  // lists need not start a section
        ChunkedDocumentLists.encode(lists, documentCount: documentCount, into: &writer)
        writer.append(UInt16(0xBEEF))  // what a section keeps after them
        try withReader(writer.bytes, documentCount: documentCount) { reader in
            #expect(reader.listCount == lists.count)
            #expect(reader.entryCount == lists.reduce(0) { $0 + $1.count })
            #expect(reader.encodedLength % 8 == 0)
            #expect(writer.bytes[8 + reader.encodedLength] == 0xEF)
            var start = 0
            for (index, list) in lists.enumerated() {
                #expect(reader.range(of: index) == start..<(start + list.count))
                #expect(SortedDocuments(decoding: index, of: reader).array == list, "list \(index) of \(documentCount) documents")
                start += list.count
            }
        }
    }

    @Test("the AVX2 kernel widens as the portable one")
    func kernels() {
        var random = SplitMixRandom(seed: 7)
        for _ in 0..<50 {
            let chunkCount = 1 + Int(random.next() % 20)
            var ends: [UInt32] = [], total: UInt32 = 0
            for _ in 0..<chunkCount {
                total += UInt32(random.next() % 40)
                ends.append(total)
            }
            let lows = (0..<Int(total)).map { _ in UInt16(truncatingIfNeeded: random.next()) }
            var portable = [UInt32](repeating: 0, count: Int(total)), avx2 = portable
            cpost_widen_chunked_using(CPOST_KERNEL_PORTABLE, lows, ends, chunkCount, &portable)
            cpost_widen_chunked_using(CPOST_KERNEL_AVX2, lows, ends, chunkCount, &avx2)
            #expect(portable == avx2)
            for chunk in 0..<chunkCount {
                for entry in Int(chunk == 0 ? 0 : ends[chunk - 1])..<Int(ends[chunk]) {
                    #expect(portable[entry] == UInt32(chunk) << 16 | UInt32(lows[entry]))
                }
            }
        }
    }

    @Test("damaged lists are refused with what is wrong")
    func damaged() throws {
        let documentCount = 70_000
        var writer = ByteWriter()
        writer.append(UInt64(0))
        ChunkedDocumentLists.encode([[1, 65_535, 65_536, 69_999], [3]], documentCount: documentCount, into: &writer)
        let good = writer.bytes
        // Layout after the 8-byte prefix: counts (8) · starts (3 × 8) · chunk ends (2 × 2 × 4) · lows.
        let endsAt = 8 + 8 + 24, lowsAt = endsAt + 16
        #expect(try withReader(good, documentCount: documentCount) { SortedDocuments(decoding: 0, of: $0).array } == [1, 65_535, 65_536, 69_999])

        func refusal(_ change: (inout [UInt8]) -> Void, documentCount: Int = documentCount) -> String? {
            var bytes = good
            change(&bytes)
            do {
                _ = try withReader(bytes, documentCount: documentCount) { $0.listCount }
                return nil
            } catch {
                return "\(error)"
            }
        }
        // The last document of list 0 (low half 4,463 in chunk 1) moved past the end.
        #expect(refusal({ $0[lowsAt + 6] = 0xFF; $0[lowsAt + 7] = 0xFF })?.contains("beyond 70000") == true)
        // A chunk end past the list's length.
        #expect(refusal({ $0[endsAt] = 9 })?.contains("chunk ends out of order") == true)
        // Chunk ends that stop short of the list's length.
        #expect(refusal({ $0[endsAt + 4] = 3 })?.contains("do not add up") == true)
        // Written for another document count: another chunk count.
        #expect(refusal({ _ in }, documentCount: 200_000)?.contains("chunks of documents") == true)
    }
}
