import Foundation
import Testing
@testable import CreatorEngine

@Suite("Index container format")
struct IndexFileTests {
    /// Writes a container with a small and a large section of pseudo-random bytes.
    func writeSample(_ path: String, seed: UInt64) throws -> (small: [UInt8], large: [UInt8]) {
        var state = seed
        func next() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let small = (0..<1000).map { _ in next() }
        let large = (0..<50_000).map { _ in next() }
        let writer = try IndexFileWriter(path: path)
        try writer.addSection("small", small)
        try writer.beginSection("large", large: true)
        try writer.append(Array(large[..<20_000]))
        try writer.append(Array(large[20_000...]))
        try writer.endSection()
        try writer.finish()
        return (small, large)
    }

    @Test("sections read back byte for byte", arguments: [1, 2, 3] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        let folder = TemporaryFolder()
        let (small, large) = try writeSample(folder.file("a.cidx"), seed: seed)
        let file = try IndexFile(path: folder.file("a.cidx"))
        #expect(Array(try file.section("small").buffer) == small)
        #expect(Array(try file.section("large").buffer) == large)
        try file.verifyAll()
        #expect(throws: IndexError.self) { try file.section("absent") }
    }

    @Test("a truncated file is refused with a message, at every length")
    func truncation() throws {
        let folder = TemporaryFolder()
        let path = folder.file("a.cidx")
        _ = try writeSample(path, seed: 7)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        for length in stride(from: 0, to: whole.count, by: max(1, whole.count / 97)) {
            let cut = folder.file("cut.cidx")
            try whole.prefix(length).write(to: URL(fileURLWithPath: cut))
            do {
                _ = try IndexFile(path: cut)
                Issue.record("a file cut to \(length) of \(whole.count) bytes opened")
            } catch let error as IndexError {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test("a flipped byte is caught: on open for small sections and the header, by verifyAll for large ones")
    func corruption() throws {
        let folder = TemporaryFolder()
        let path = folder.file("a.cidx")
        _ = try writeSample(path, seed: 11)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        for position in stride(from: 0, to: whole.count, by: 331) {
            var damaged = whole
            damaged[position] ^= 0x5A
            let target = folder.file("bad.cidx")
            try damaged.write(to: URL(fileURLWithPath: target))
            do {
                let file = try IndexFile(path: target)
                try file.verifyAll()
                Issue.record("a flipped byte at \(position) went unnoticed")
            } catch let error as IndexError {
                switch error {
                case .corrupt, .incompatible: break
                default: Issue.record("unexpected error \(error)")
                }
            }
        }
    }

    @Test("string tables find every key by binary search and nothing else")
    func stringTable() throws {
        let keys = ["", "a", "ab", "b", "café", "护肤", "🌿", "スキンケア"].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var writer = ByteWriter()
        StringTable.encode(keys, into: &writer)
        try writer.bytes.withUnsafeBytes { raw in
            let table = try StringTable.Reader(ByteView(base: raw.baseAddress!, count: raw.count, context: "test"))
            #expect(table.count == keys.count)
            for (index, key) in keys.enumerated() {
                #expect(table[index] == key)
                #expect(table.find(key) == index)
            }
            #expect(table.find("abc") == nil)
            #expect(table.find("护") == nil)
        }
    }

    @Test("bounds checks throw instead of reading outside a view")
    func bounds() throws {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        try bytes.withUnsafeBytes { (raw) throws in
            let view = ByteView(base: raw.baseAddress!, count: raw.count, context: "test")
            #expect(try view.load(UInt32.self, at: 4) == UInt32(littleEndian: 0x0807_0605))
            #expect(throws: IndexError.self) { try view.load(UInt32.self, at: 5) }
            #expect(throws: IndexError.self) { try view.slice(4, 5) }
            #expect(throws: IndexError.self) { try view.load(UInt64.self, at: -1) }
            var cursor = VarintCursor(view, from: 0, to: 1)
            #expect(try cursor.next() == 1)
            #expect(throws: IndexError.self) { try cursor.next() }
        }
    }
}
