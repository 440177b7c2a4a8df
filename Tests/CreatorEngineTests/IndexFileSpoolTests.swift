import Foundation
import Testing
@testable import CreatorEngine

@Suite("Index container: sections copied in from a spool")
struct IndexFileSpoolTests {
    /// Sections of pseudo-random names' bytes, with odd lengths so the padding between them varies.
    func sampleSections(seed: UInt64) -> [(name: String, bytes: [UInt8], large: Bool)] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        return (0..<9).map { index in
            let length = index == 4 ? 5_000_000 + Int(next() % 4099) : Int(next() % 3001)
            return ("s\(index)", (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }, index % 3 == 0)
        }
    }

    func write(_ sections: some Sequence<(name: String, bytes: [UInt8], large: Bool)>, to writer: IndexFileWriter) throws {
        for section in sections {
            // Large sections arrive in two appends, as the builder streams them.
            try writer.beginSection(section.name, large: section.large)
            let half = section.bytes.count / 2
            try writer.append(Array(section.bytes[..<half]))
            try writer.append(Array(section.bytes[half...]))
            try writer.endSection()
        }
    }

    @Test("a file written in two runs, one spooled, is byte-identical to one written in turn",
          arguments: [(1, 0), (2, 3), (3, 5), (4, 9)] as [(UInt64, Int)])
    func spliceMatchesSequential(seed: UInt64, split: Int) throws {
        let folder = TemporaryFolder()
        let sections = sampleSections(seed: seed)

        let direct = try IndexFileWriter(path: folder.file("direct.cidx"))
        try write(sections, to: direct)
        try direct.finish()

        let spliced = try IndexFileWriter(path: folder.file("spliced.cidx"))
        let spool = try IndexFileWriter(path: folder.file("spool"))
        try write(sections[..<split], to: spliced)
        try write(sections[split...], to: spool)
        try spliced.appendSections(of: spool)
        try spliced.finish()

        let expected = try Data(contentsOf: URL(fileURLWithPath: folder.file("direct.cidx")))
        let actual = try Data(contentsOf: URL(fileURLWithPath: folder.file("spliced.cidx")))
        #expect(actual == expected)
        let file = try IndexFile(path: folder.file("spliced.cidx"))
        try file.verifyAll()
        for section in sections { #expect(Array(try file.section(section.name).buffer) == section.bytes) }
    }

    @Test("a section asked to align a byte to 64 has it there, written directly or through a spool",
          arguments: [0, 8, 24, 56, 4_000_008])
    func alignedSectionsKeepTheirAlignment(alignedOffset: Int) throws {
        let folder = TemporaryFolder()
        let sections = sampleSections(seed: UInt64(alignedOffset) + 7)
        let aligned = (0..<(alignedOffset + 300)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        func writeAll(to writer: IndexFileWriter, spooled spool: IndexFileWriter?) throws {
            try write(sections[..<3], to: writer)
            let target = spool ?? writer
            try write(sections[3..<5], to: target)
            try target.beginSection("aligned", large: true, aligning: alignedOffset, to: 64)
            try target.append(aligned)
            try target.endSection()
            try write(sections[5...], to: target)
            if let spool { try writer.appendSections(of: spool) }
            try writer.finish()
        }
        let direct = try IndexFileWriter(path: folder.file("direct.cidx"))
        try writeAll(to: direct, spooled: nil)
        let spliced = try IndexFileWriter(path: folder.file("spliced.cidx"))
        try writeAll(to: spliced, spooled: try IndexFileWriter(path: folder.file("spool")))
        for name in ["direct.cidx", "spliced.cidx"] {
            let file = try IndexFile(path: folder.file(name))
            try file.verifyAll()
            let section = try #require(file.sections["aligned"])
            #expect(section.offset % 8 == 0)
            #expect((section.offset + alignedOffset) % 64 == 0, "\(name): section at \(section.offset)")
            #expect(Array(try file.section("aligned").buffer) == aligned)
            for section in sections { #expect(Array(try file.section(section.name).buffer) == section.bytes) }
        }
    }
}
