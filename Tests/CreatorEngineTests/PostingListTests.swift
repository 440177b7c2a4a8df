import Testing
@testable import CreatorEngine

/// Decoding a term's postings into query-owned memory: the lists a query reads equal a plain
/// walk of the postings, and a damaged document frequency cannot make a query allocate or
/// write beyond what the list's bytes can hold.
@Suite("Decoded posting lists")
struct PostingListTests {
    @Test("decoded lists equal a walk of the postings, for the most common caption words")
    func decodedEqualsWalk() throws {
        let fixture = try SearchFixture.generated.get()
        let reader = fixture.index.text(.captions)
        var checked = 0
        for term in ["the", "i", "and", "to", "my", "this", "for", "de", "que"] {
            guard let info = try reader.info(for: term) else { continue }
            let list = PostingList(reader: reader, info: info)
            var walked: [UInt32] = [], frequencies: [UInt32] = []
            var cursor = try reader.postings(info)
            while try cursor.next() {
                walked.append(cursor.document)
                frequencies.append(cursor.frequency)
            }
            // A list's buffers are valid only while the list is alive.
            withExtendedLifetime(list) {
                #expect(Array(list.documents.buffer) == walked, "\(term)")
                #expect(Array(list.frequencies.buffer) == frequencies, "\(term)")
            }
            #expect(walked.count == Int(info.documentFrequency))
            checked += 1
        }
        #expect(checked >= 3)
    }

    @Test("a damaged document frequency is bounded by the list's bytes and decodes to nothing")
    func damagedFrequencyIsBounded() throws {
        let fixture = try SearchFixture.generated.get()
        let reader = fixture.index.text(.captions)
        let info = try #require(try reader.info(for: "the") ?? reader.info(for: "i"))
        for wrong in [UInt32.max, info.documentFrequency + 1, info.documentFrequency - 1] {
            var damaged = info
            damaged.documentFrequency = wrong
            // A posting takes a byte at least (its document delta).
            #expect(reader.postingCapacity(damaged) == min(Int(wrong), Int(info.postingsLength)))
            // The bytes do not hold that many postings (or hold more): nothing is decoded,
            // rather than documents made of frequency codes.
            let list = PostingList(reader: reader, info: damaged)
            withExtendedLifetime(list) {
                #expect(list.documents.count == 0, "document frequency \(wrong)")
            }
        }
        let intact = PostingList(reader: reader, info: info)
        withExtendedLifetime(intact) { #expect(intact.documents.count == Int(info.documentFrequency)) }
    }
}
