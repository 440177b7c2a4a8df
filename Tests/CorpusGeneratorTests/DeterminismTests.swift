import CorpusGenerator
import Foundation
import Testing
import TestScratch

@Suite("Determinism")
struct DeterminismTests {
    @Test("the same seed and options give byte-identical output, whatever the threads and chunking")
    func sameSeedSameBytes() throws {
        var options = GeneratorOptions(count: 700, seed: 99)
        options.threads = 1
        options.chunkSize = 256
        let single = try CorpusGenerator.generateInMemory(options)
        options.threads = 4
        options.chunkSize = 37
        let parallel = try CorpusGenerator.generateInMemory(options)
        #expect(single.dump == parallel.dump)
        #expect(single.labels == parallel.labels)
        #expect(!single.dump.isEmpty)
    }

    @Test("another seed gives different output")
    func otherSeedOtherBytes() throws {
        let first = try CorpusGenerator.generateInMemory(GeneratorOptions(count: 300, seed: 1))
        let second = try CorpusGenerator.generateInMemory(GeneratorOptions(count: 300, seed: 2))
        #expect(first.dump != second.dump)
        // Not merely shifted: almost no line is shared.
        let firstLines = Set(first.dump.split(separator: 0x0A).map(Array.init))
        let shared = second.dump.split(separator: 0x0A).filter { firstLines.contains(Array($0)) }
        #expect(shared.count == 0)
    }

    @Test("a creator does not depend on how many creators are generated")
    func prefixStable() throws {
        var small = GeneratorOptions(count: 200, seed: 5)
        small.duplicateRate = 0
        small.malformedRate = 0
        var large = small
        large.count = 400
        let smallCorpus = GeneratedCorpus.make(small)
        let largeCorpus = GeneratedCorpus.make(large)
        // Twin pairs at the boundary may differ; everything before it is identical.
        #expect(smallCorpus.lines[0..<190] == largeCorpus.lines[0..<190])
    }

    @Test("gzip output is the plain output compressed, and identical across thread counts")
    func gzipMatchesPlain() throws {
        let folder = TestScratch.folder("corpus-gzip")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = GeneratorOptions(count: 600, seed: 11)
        options.chunkSize = 100
        options.threads = 1
        try CorpusGenerator.generate(options, dumpPath: folder + "/a.jsonl.gz", labelsPath: folder + "/a.labels.jsonl")
        options.threads = 3
        try CorpusGenerator.generate(options, dumpPath: folder + "/b.jsonl.gz", labelsPath: folder + "/b.labels.jsonl")
        try CorpusGenerator.generate(options, dumpPath: folder + "/c.jsonl", labelsPath: folder + "/c.labels.jsonl")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.jsonl.gz"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.jsonl.gz"))
        let plain = try Data(contentsOf: URL(fileURLWithPath: folder + "/c.jsonl"))
        #expect(a == b)
        #expect(a.count < plain.count / 2)
        #expect(Gunzip.decompress([UInt8](a)) == [UInt8](plain))
        #expect(!FileManager.default.fileExists(atPath: folder + "/a.jsonl.gz.partial"))
    }
}
