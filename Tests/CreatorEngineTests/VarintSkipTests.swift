import Testing
@testable import CreatorEngine

/// `Varint.skip` steps over values eight bytes at a time; it must stop exactly where reading
/// the same number of values one by one stops, and refuse a run that ends too early.
@Suite("Varint skipping")
struct VarintSkipTests {
    @Test("skipping k values lands where reading k values does, for every k, on streams of mixed widths")
    func skipEqualsRead() {
        var random = SplitMixRandom(seed: 7)
        for round in 0..<40 {
            var writer = ByteWriter()
            let count = 1 + Int(random.next() % 300)
            for _ in 0..<count {
                // Mostly one-byte values (as positions are), with wider ones among them.
                let width = random.next() % 10
                let value: UInt32 = width < 6 ? UInt32(random.next() % 128) : UInt32(truncatingIfNeeded: random.next() >> (width * 3))
                writer.appendVarint(UInt64(value))
            }
            let bytes = writer.bytes
            bytes.withUnsafeBytes { buffer in
                var readCursor = 0
                for skipped in 0...count {
                    var skipCursor = 0
                    #expect(Varint.skip(skipped, in: buffer, at: &skipCursor, end: buffer.count), "round \(round)")
                    #expect(skipCursor == readCursor, "round \(round), \(skipped) of \(count)")
                    if skipped < count { _ = Varint.read(buffer, at: &readCursor, end: buffer.count) }
                }
                var cursor = 0
                #expect(!Varint.skip(count + 1, in: buffer, at: &cursor, end: buffer.count))
                #expect(cursor == buffer.count)
            }
        }
    }
}
