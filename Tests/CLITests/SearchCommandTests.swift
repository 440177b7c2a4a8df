import Foundation
import Testing

@Suite("creators search, run as a process", .serialized)
struct SearchCommandTests {
    @Test("a table by default, the protocol's JSON with --json, the plan with --explain")
    func outputs() throws {
        let scratch = Scratch()
        let (dump, _) = scratch.dump("a.jsonl", count: 60)
        #expect(try CreatorsProcess.run(["build", dump, "--index", scratch.file("index")]).status == 0)
        let index = ["--index", scratch.file("index")]
        // followers are 1000 + 13·i: i ≥ 39 have at least 1,500.
        let query = "cafe followers:>=1500 sort:-followers limit:5"

        let json = try CreatorsProcess.run(["search", query, "--json"] + index)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 21)
        #expect(object["took_ms"] is Double)
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.compactMap { $0["handle"] as? String } == ["user59", "user58", "user57", "user56", "user55"])
        #expect(hits.first?["id"] as? String == "t:59")
        #expect(hits.first?["followers"] as? Int == 1000 + 13 * 59)
        #expect(hits.first?["platform"] as? String == "tiktok" && hits.first?["tier"] as? String == "nano")
        #expect(hits.allSatisfy { $0["score"] is Double && $0["country"] as? String == "US" })

        let table = try CreatorsProcess.run(["search", query] + index)
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.contains("handle") == true && lines.first?.contains("followers") == true)
        #expect(lines.dropFirst().first?.contains("@user59") == true)
        #expect(table.stdout.contains("21 creators match"))

        let explain = try CreatorsProcess.run(["search", "--explain", "\"clean skincare\" country:US limit:2"] + index)
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Parse tree:") && explain.stdout.contains("Plan"))
        #expect(explain.stdout.contains("phrase \"clean skincare\""))
        #expect(explain.stdout.contains("Score parts:"))
    }

    @Test("a bad query exits with 2 and the error with its column; a leading '-' is a negation, not an option")
    func errors() throws {
        let scratch = Scratch()
        let (dump, _) = scratch.dump("a.jsonl", count: 10)
        #expect(try CreatorsProcess.run(["build", dump, "--index", scratch.file("index")]).status == 0)
        let bad = try CreatorsProcess.run(["search", "category:beauty contry:US", "--index", scratch.file("index")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("error at column 17: unknown qualifier 'contry' (did you mean 'country'?)"))
        #expect(bad.stderr.contains("^^^^^^"))
        #expect(bad.stdout.isEmpty)

        let negated = try CreatorsProcess.run(["search", "-country:US", "--json", "--index", scratch.file("index")])
        #expect(negated.status == 0, "\(negated.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(negated.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 0)
    }
}
