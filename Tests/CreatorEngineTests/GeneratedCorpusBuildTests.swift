import CorpusGenerator
import Foundation
import Testing
@testable import CreatorEngine

/// Builds generated dumps and checks the build against the generator's own labels.
@Suite("Builds of generated corpora agree with their labels")
struct GeneratedCorpusBuildTests {
    struct Labels {
        var creators: [String: Int] = [:]          // id → line of the winning record
        var malformed: [Int: String] = [:]         // line → generator's reason
        var duplicates: [Int: (id: String, winner: Int)] = [:]

        init(_ bytes: [UInt8]) throws {
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let record = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
                if let number = record["malformed_line"] as? Int {
                    malformed[number] = record["reason"] as? String ?? ""
                } else if let id = record["duplicate_id"] as? String, let number = record["line"] as? Int {
                    duplicates[number] = (id, try #require(record["winner_line"] as? Int))
                } else if let id = record["id"] as? String, let number = record["line"] as? Int {
                    creators[id] = number
                }
            }
        }
    }

    func check(dump: String, labels: Labels, expectedCreators: Int) throws {
        let folder = TemporaryFolder()
        let summary = try IndexBuild.run(BuildOptions(paths: [dump], directory: IndexDirectory(path: folder.file("index")),
                                                      chunkBytes: 64 * 1024))
        #expect(summary.accepted == expectedCreators)
        #expect(summary.rejected == labels.malformed.count)
        #expect(summary.superseded == labels.duplicates.count)
        #expect(summary.linesRead == summary.accepted + summary.rejected + summary.superseded)

        // The reject file holds exactly the labelled malformed lines.
        let rejects = try String(contentsOfFile: summary.rejectFile, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let rejectedLines = Set(rejects.compactMap { $0["line"] as? Int })
        #expect(rejectedLines == Set(labels.malformed.keys))
        for record in rejects { #expect((record["reason"] as? String)?.isEmpty == false) }

        // Every creator is indexed once, from its winning line: compare with the dump's line.
        let index = try CreatorIndex(directory: IndexDirectory(path: folder.file("index")))
        #expect(index.documentCount == labels.creators.count)
        let lines = try dumpLines(dump)
        let parser = ProfileParser()
        for (id, line) in labels.creators {
            let document = try #require(index.document(withID: id), "\(id) is not indexed")
            let winner = try #require(parser.parse(lines[line - 1]).profile)
            #expect(index.column(.followers)[document] == Double(winner.followers), "\(id) indexed from the wrong line")
            // The compact stored record renders to exactly the display JSON of the winner.
            #expect(try index.storedJSON(of: document) == StoredProfile.json(winner), "\(id) stored JSON differs")
        }
        // A corpus this size is worth a store dictionary, and the blocks were made with it.
        #expect(index.store.dictionary != nil)
    }

    func dumpLines(_ path: String) throws -> [String] {
        var lines: [String] = []
        let reader = try DumpLineReader(file: try DumpFile(path: path))
        while let chunk = try reader.nextChunk() {
            chunk.forEachLine { number, bytes in
                while lines.count < number - 1 { lines.append("") }
                lines.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return lines
    }

    @Test("a dirty generated dump: rejects are the malformed lines, superseded the duplicates", arguments: [3, 11] as [UInt64])
    func dirtyCorpus(seed: UInt64) throws {
        var options = GeneratorOptions(count: 1500, seed: seed)
        options.malformedRate = 0.05
        options.duplicateRate = 0.05
        options.postsPerCreator = 4
        let generated = try CorpusGenerator.generateInMemory(options)
        let folder = TemporaryFolder()
        let dump = folder.file("dump.jsonl")
        try Data(generated.dump).write(to: URL(fileURLWithPath: dump))
        let labels = try Labels(generated.labels)
        #expect(labels.malformed.count > 30)
        #expect(labels.duplicates.count > 30)
        try check(dump: dump, labels: labels, expectedCreators: 1500)
    }

    static let sampleDump = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpora/sample/creators-5000-seed42.jsonl.gz").path

    @Test("the bundled sample builds to exactly what its labels say")
    func bundledSample() throws {
        let labelsPath = URL(fileURLWithPath: Self.sampleDump).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("creators-5000-seed42.labels.jsonl").path
        let labels = try Labels(Array(try Data(contentsOf: URL(fileURLWithPath: labelsPath))))
        try check(dump: Self.sampleDump, labels: labels, expectedCreators: 5000)
    }
}
