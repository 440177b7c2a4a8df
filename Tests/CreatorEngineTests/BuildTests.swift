import Foundation
import Testing
@testable import CreatorEngine

@Suite("Index build from dumps")
struct BuildTests {
    func build(_ paths: [String], into folder: String) throws -> BuildSummary {
        try IndexBuild.run(BuildOptions(paths: paths, directory: IndexDirectory(path: folder), chunkBytes: 4096))
    }

    func rejects(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test("malformed lines land in the reject file, exactly those, with file, line and reason")
    func rejectFile() throws {
        let folder = TemporaryFolder()
        var lines: [String] = []
        var expected: [Int: String] = [:]
        var malformed = DumpFixtures.malformed.makeIterator()
        for index in 0..<200 {
            if index % 20 == 7, let bad = malformed.next() {
                lines.append(bad.line)
                expected[lines.count] = bad.reason
            }
            lines.append(DumpFixtures.line(DumpFixtures.profile(index)))
            if index % 50 == 3 { lines.append("   ") } // blank lines are skipped, not read
        }
        let dump = folder.write("dump.jsonl", lines.joined(separator: "\n") + "\n")
        let summary = try build([dump], into: folder.file("index"))
        #expect(summary.linesRead == 200 + expected.count)
        #expect(summary.rejected == expected.count)
        #expect(summary.accepted == 200)
        #expect(summary.linesRead == summary.accepted + summary.rejected + summary.superseded)
        let rejected = try rejects(summary.rejectFile)
        #expect(rejected.count == expected.count)
        for record in rejected {
            let line = try #require(record["line"] as? Int)
            let reason = try #require(record["reason"] as? String)
            #expect(record["source"] as? String == dump)
            let fragment = try #require(expected[line], "line \(line) was rejected but is valid: \(reason)")
            #expect(fragment.isEmpty || reason.contains(fragment), "line \(line): '\(reason)' lacks '\(fragment)'")
            #expect(record["text"] as? String == lines[line - 1])
        }
    }

    @Test("duplicates: the latest updated_at wins, ties go to the later line, unknown dates lose")
    func duplicates() throws {
        let folder = TemporaryFolder()
        func version(_ id: Int, _ handle: String, _ updatedAt: String?) -> String {
            var profile = DumpFixtures.profile(id, updatedAt: updatedAt)
            profile["handle"] = handle
            return DumpFixtures.line(profile)
        }
        let first = folder.write("a.jsonl", [
            version(1, "one_old", "2026-01-01"), version(1, "one_new", "2026-06-01"),
            version(2, "two_new", "2026-06-01"), version(3, "three_first", "2026-06-01"),
            version(4, "four_dated", "2026-01-01"), version(5, "five_unknown", nil),
        ].joined(separator: "\n"))
        let second = folder.write("b.jsonl", [
            version(2, "two_old", "2026-05-31T23:59:59Z"), version(3, "three_second", "2026-06-01T00:00:00Z"),
            version(4, "four_unknown", nil), version(5, "five_later_unknown", nil), version(6, "six", nil),
        ].joined(separator: "\n"))
        let summary = try build([first, second], into: folder.file("index"))
        #expect(summary.linesRead == 11)
        #expect(summary.superseded == 5)
        #expect(summary.accepted == 6)
        let index = try CreatorIndex(directory: IndexDirectory(path: folder.file("index")))
        let winners = (1...6).map { index.document(withID: "p:\($0)").map { index.handle(of: $0) } }
        #expect(winners == ["one_new", "two_new", "three_second", "four_dated", "five_later_unknown", "six"])
        for loser in ["one_old", "two_old", "three_first", "four_unknown", "five_unknown"] {
            #expect(index.documents(withHandle: loser).isEmpty, "\(loser) is still indexed")
        }
        // Superseded records are gone from every structure, not just the id table.
        #expect(index.facet(.platform).counts.reduce(0) { $0 + $1.count } == 6)
        #expect(index.column(.followers).count == 6)
    }

    @Test("a failed rebuild leaves the previous index current and answering")
    func failedRebuild() throws {
        let folder = TemporaryFolder()
        let good = folder.write("good.jsonl", (0..<50).map { DumpFixtures.line(DumpFixtures.profile($0)) }.joined(separator: "\n"))
        let first = try build([good], into: folder.file("index"))
        // A gzip file whose stream breaks off: an I/O error midway through the build.
        let broken = folder.file("broken.jsonl.gz")
        var gzip = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03])
        gzip.append(Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        try gzip.write(to: URL(fileURLWithPath: broken))
        #expect(throws: (any Error).self) { try build([good, broken], into: folder.file("index")) }
        let directory = IndexDirectory(path: folder.file("index"))
        #expect(try directory.currentIndexPath() == first.indexPath)
        let index = try CreatorIndex(directory: directory)
        #expect(index.documentCount == 50)
        #expect(index.documents(withHandle: "creator7").count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.file("index")).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    @Test("a build killed halfway leaves the previous index intact; the next build cleans up after it")
    func killedBuild() throws {
        let folder = TemporaryFolder()
        let directory = IndexDirectory(path: folder.file("index"))
        let dump = folder.write("dump.jsonl", (0..<40).map { DumpFixtures.line(DumpFixtures.profile($0)) }.joined(separator: "\n"))
        let first = try build([dump], into: directory.path)
        // What a process killed mid-build leaves: a partial generation with some sections
        // written and no table or header, and a half-written CURRENT.tmp.
        let generation = try directory.newGeneration()
        let writer = try IndexFileWriter(path: generation.partialPath)
        try writer.addSection("store.blocks", [UInt8](repeating: 0xAB, count: 10_000), large: true)
        folder.write("index/CURRENT.tmp", "gen-0000")
        withExtendedLifetime(writer) {}

        let index = try CreatorIndex(directory: directory)
        #expect(index.file.path == first.indexPath)
        #expect(index.documentCount == 40)
        #expect(try index.storedJSON(of: 0).isEmpty == false)

        let second = try build([dump], into: directory.path)
        #expect(second.indexPath != first.indexPath)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!names.contains { $0.hasSuffix(".partial") || $0 == "CURRENT.tmp" })
        // The index a reader opened before the switch still answers after it.
        #expect(index.documents(withHandle: "creator3").count == 1)
        #expect(try CreatorIndex(directory: directory).file.path == second.indexPath)
    }

    @Test("two builds cannot write one folder at once")
    func buildLock() throws {
        let folder = TemporaryFolder()
        let directory = IndexDirectory(path: folder.file("index"))
        let lock = try directory.lockForBuild()
        #expect(throws: IndexError.self) { try directory.lockForBuild() }
        withExtendedLifetime(lock) {}
    }

    @Test("the index agrees with a brute-force scan of the same profiles")
    func differential() throws {
        let folder = TemporaryFolder()
        let lines = (0..<300).map { DumpFixtures.line(DumpFixtures.profile($0, seed: 5)) }
        let dump = folder.write("dump.jsonl", lines.joined(separator: "\n"))
        _ = try build([dump], into: folder.file("index"))
        let index = try CreatorIndex(directory: IndexDirectory(path: folder.file("index")))
        let parser = ProfileParser()
        let profiles = lines.compactMap { parser.parse($0).profile }
        #expect(profiles.count == 300)
        #expect(index.documentCount == 300)
        let analyzer = try DocumentAnalyzer()
        let documents = profiles.map { analyzer.analyze($0) }
        let docOf = Dictionary(uniqueKeysWithValues: profiles.map { ($0.id, try! #require(index.document(withID: $0.id))) })

        func expectFacet(_ facet: Facet, _ keys: (Int) -> [String]) {
            var expected: [String: Set<UInt32>] = [:]
            for (position, profile) in profiles.enumerated() {
                for key in keys(position) { expected[key, default: []].insert(UInt32(docOf[profile.id]!)) }
            }
            let reader = index.facet(facet)
            #expect(reader.keys.count == expected.count, "\(facet) keys")
            for (key, documents) in expected {
                let found = reader.documents(for: key).array
                #expect(found == found.sorted(), "\(facet):\(key) postings unsorted")
                #expect(Set(found) == documents, "\(facet):\(key)")
            }
        }
        expectFacet(.platform) { [profiles[$0].platform.rawValue] }
        expectFacet(.country) { profiles[$0].country.map { [$0] } ?? [] }
        expectFacet(.language) { profiles[$0].languages }
        expectFacet(.tier) { [profiles[$0].tier.rawValue] }
        expectFacet(.category) { documents[$0].categories }
        expectFacet(.hashtag) { documents[$0].hashtags }

        for column in NumericColumn.allCases {
            let values = index.column(column)
            for profile in profiles {
                let stored = values[docOf[profile.id]!]
                if let expected = column.value(of: profile) {
                    #expect(stored == expected, "\(column) of \(profile.id)")
                } else {
                    #expect(stored.isNaN, "\(column) of \(profile.id) should be unknown")
                }
            }
        }

        // Every term of every text field: postings == the documents whose analysis holds it,
        // with the same positions.
        for (fieldIndex, field) in TextField.allCases.enumerated() {
            var expected: [String: [UInt32: [UInt32]]] = [:]
            for (position, document) in documents.enumerated() {
                let terms = document.fields[fieldIndex]
                for (termIndex, term) in terms.terms.enumerated() {
                    expected[term, default: [:]][UInt32(docOf[profiles[position].id]!)] = terms.positions[termIndex]
                }
            }
            let reader = index.text(field)
            #expect(reader.terms.count == expected.count, "\(field) vocabulary")
            for (term, postings) in expected {
                let info = try #require(try reader.info(for: term), "\(field): '\(term)' missing")
                var cursor = try reader.postings(info)
                var found: [UInt32: [UInt32]] = [:]
                while try cursor.next() { found[cursor.document] = try cursor.readPositions() }
                #expect(found == postings, "\(field): '\(term)'")
                #expect(Int(info.documentFrequency) == postings.count)
            }
            for profile in profiles {
                let document = docOf[profile.id]!
                let position = profiles.firstIndex { $0.id == profile.id }!
                #expect(UInt32(reader.lengths[document]) == documents[position].fields[fieldIndex].length)
            }
        }

        // Audience: forward distributions and inverted postings match the profiles, with key
        // ids of one byte (countries) and of two (interests, a key per creator).
        // Distributions of 255 entries and more (counted apart), two in one group of 16.
        #expect(profiles.filter { ($0.audience?.interests?.entries.count ?? 0) >= 255 }.map(\.id) == ["p:9", "p:57", "p:107", "p:207"])
        #expect(index.audience(.countries).keys.count <= 256)
        #expect(index.audience(.interests).keys.count > 256)
        for dimension in AudienceDimension.allCases {
            let reader = index.audience(dimension)
            for profile in profiles {
                let stored = reader.distribution(of: docOf[profile.id]!)
                let truth = dimension.distribution(of: profile.audience)
                #expect((stored == nil) == (truth == nil), "\(dimension) of \(profile.id) known-ness")
                if let stored, let truth {
                    // Every entry, at display precision (ten-thousandths).
                    #expect(stored.entries.map(\.key) == truth.entries.map(\.key))
                    for entry in truth.entries { #expect(stored.share(of: entry.key) == entry.share.roundedToFourDecimals) }
                }
            }
        }

        // Stored JSON and sketches.
        for profile in profiles {
            let document = docOf[profile.id]!
            #expect(try index.storedJSON(of: document) == StoredProfile.json(profile))
            let sketch = Array(index.sketch(of: document))
            #expect(sketch == (profile.audience.map { AudienceSketch(sample: $0.sample).buckets }
                ?? [UInt16](repeating: AudienceSketch.empty, count: AudienceSketch.bucketCount)))
            #expect(index.documents(withHandle: "@" + profile.handle.uppercased()).contains(document))
        }
        try index.verify()
    }
}
