import Foundation
import Testing

@Suite("The creators command line, run as a process", .serialized)
struct CommandLineTests {
    @Test("build --json prints one summary object whose counts add up, and the reject file holds exactly the bad lines")
    func buildJSON() throws {
        let scratch = Scratch()
        let (dump, bad) = scratch.dump("a.jsonl", count: 300, badEvery: 37)
        let result = try CreatorsProcess.run(["build", dump, "--index", scratch.file("index"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let read = try #require(summary["lines_read"] as? Int)
        let accepted = try #require(summary["accepted"] as? Int)
        let rejected = try #require(summary["rejected"] as? Int)
        let superseded = try #require(summary["superseded"] as? Int)
        #expect(read == 300 + bad.count)
        #expect(read == accepted + rejected + superseded)
        #expect(rejected == bad.count)
        let rejectFile = try #require(summary["reject_file"] as? String)
        let lines = try String(contentsOfFile: rejectFile, encoding: .utf8).split(separator: "\n")
        let numbers = try lines.map { try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["line"] as? Int) }
        #expect(numbers == bad)
        #expect(summary["index_path"] is String)
        #expect(summary["seconds"] is Double || summary["seconds"] is Int)
    }

    @Test("get finds a creator by @handle and by id; an unknown one exits non-zero with a message")
    func get() throws {
        let scratch = Scratch()
        let (dump, _) = scratch.dump("a.jsonl", count: 50)
        #expect(try CreatorsProcess.run(["build", dump, "--index", scratch.file("index")]).status == 0)
        let byHandle = try CreatorsProcess.run(["get", "@USER7", "--index", scratch.file("index")])
        #expect(byHandle.status == 0)
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(byHandle.stdout.utf8)) as? [String: Any])
        #expect(profile["id"] as? String == "t:7")
        #expect(profile["bio"] as? String == "Creator 7 🌿 café")
        #expect(profile["tier"] as? String == "nano")
        let byID = try CreatorsProcess.run(["get", "t:7", "--index", scratch.file("index")])
        #expect(byID.stdout == byHandle.stdout)
        let missing = try CreatorsProcess.run(["get", "@nobody", "--index", scratch.file("index")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no creator with id or handle '@nobody'"))
    }

    @Test("stats describes the index; a missing index and a damaged one give clear errors, not crashes")
    func statsAndDamage() throws {
        let scratch = Scratch()
        let missing = try CreatorsProcess.run(["stats", "--index", scratch.file("none")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no index in"))

        let (dump, _) = scratch.dump("a.jsonl", count: 120)
        #expect(try CreatorsProcess.run(["build", dump, "--index", scratch.file("index")]).status == 0)
        let stats = try CreatorsProcess.run(["stats", "--json", "--verify", "--index", scratch.file("index")])
        #expect(stats.status == 0, "\(stats.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["documents"] as? Int == 120)
        // Every creator has one risk level.
        #expect((object["risk_levels"] as? [String: Int])?.values.reduce(0, +) == 120)
        #expect((object["risk_flags"] as? [String: Int])?.count == 11)

        // --sections lists every section once, largest first, and the shares add up to 100 %.
        let listing = try CreatorsProcess.run(["stats", "--sections", "--index", scratch.file("index")])
        let rows = listing.stdout.split(separator: "\n").drop { !$0.hasPrefix("Sections (") }.dropFirst()
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.contains { $0.first == "store.blocks" })
        let sizes = rows.compactMap { Double($0[1]) }, shares = rows.compactMap { Double($0[3]) }
        #expect(sizes.count == rows.count && sizes == sizes.sorted(by: >))
        #expect(abs(shares.reduce(0, +) - 100) < 0.1 * Double(shares.count))

        // Damage the index file in the middle and at the end.
        let current = try String(contentsOfFile: scratch.file("index/CURRENT"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = scratch.file("index/" + current)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let original = bytes
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = try CreatorsProcess.run(["stats", "--verify", "--index", scratch.file("index")])
        #expect(damaged.status == 1, "\(damaged.stderr)")
        #expect(damaged.stderr.contains("corrupt"))
        try original.prefix(original.count - 100).write(to: URL(fileURLWithPath: path))
        let truncated = try CreatorsProcess.run(["stats", "--index", scratch.file("index")])
        #expect(truncated.status == 1)
        #expect(truncated.stderr.contains("truncated"))
    }

    @Test("a build killed with SIGKILL halfway leaves the previous index current and answering")
    func killedBuild() throws {
        let scratch = Scratch()
        let index = scratch.file("index")
        let (small, _) = scratch.dump("small.jsonl", count: 30)
        #expect(try CreatorsProcess.run(["build", small, "--index", index]).status == 0)
        let before = try String(contentsOfFile: index + "/CURRENT", encoding: .utf8)

        let (big, _) = scratch.dump("big.jsonl", count: 60_000)
        let (process, _, _) = try CreatorsProcess.start(["build", big, "--index", index, "--workers", "1"])
        // Wait until the new generation's partial file exists, then kill the build.
        let deadline = Date().addingTimeInterval(60)
        var sawPartial = false
        while Date() < deadline, process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: index)) ?? []
            if names.contains(where: { $0.hasSuffix(".partial") }) {
                sawPartial = true
                Thread.sleep(forTimeInterval: 0.3)
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let stillRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(sawPartial && stillRunning, "the build ended before it could be killed halfway")

        #expect(try String(contentsOfFile: index + "/CURRENT", encoding: .utf8) == before)
        let get = try CreatorsProcess.run(["get", "@user3", "--index", index])
        #expect(get.status == 0, "\(get.stderr)")
        #expect(get.stdout.contains("\"t:3\""))

        // The next build takes the folder over and cleans what the killed one left.
        #expect(try CreatorsProcess.run(["build", small, "--index", index]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: index)
        #expect(!names.contains { $0.hasSuffix(".partial") })
    }
}
