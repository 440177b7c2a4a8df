import Foundation
import Testing

@Suite("creators risk, eval-risk and the risk in get", .serialized)
struct RiskCommandTests {
    /// 60 ordinary creators, one blacklisted, one not refreshed since 2024, and their labels.
    func corpus(_ scratch: Scratch) -> (index: String, labels: String) {
        let (dump, _) = scratch.dump("a.jsonl", count: 60)
        var lines = (try? String(contentsOfFile: dump, encoding: .utf8)) ?? ""
        lines += #"{"id":"bl:1","platform":"tiktok","handle":"listed","followers":5000,"updated_at":"2026-10-01","blacklisted":{"reason":"took product, never posted","source":"agency shared list","since":"2026-03-02"}}"# + "\n"
        lines += #"{"id":"st:1","platform":"tiktok","handle":"dusty","followers":5000,"updated_at":"2024-01-01"}"# + "\n"
        FileManager.default.createFile(atPath: dump, contents: Data(lines.utf8))
        let labels = scratch.file("labels.jsonl")
        let labelLines = [#"{"id":"bl:1","line":61,"fraud":["blacklisted"]}"#, #"{"id":"st:1","line":62,"fraud":["stale_data"]}"#,
                          #"{"id":"t:3","line":4,"fraud":["disputes"]}"#, #"{"malformed_line":9,"reason":"x","detail":"y"}"#]
        FileManager.default.createFile(atPath: labels, contents: Data((labelLines.joined(separator: "\n") + "\n").utf8))
        let index = scratch.file("index")
        _ = try? CreatorsProcess.run(["build", dump, "--index", index])
        return (index, labels)
    }

    @Test("risk explains the flags in words, with the evidence; --json gives the same as data")
    func risk() throws {
        let scratch = Scratch()
        let (index, _) = corpus(scratch)
        let text = try CreatorsProcess.run(["risk", "@listed", "--index", index])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("bl:1 @listed"))
        #expect(text.stdout.contains("Risk: high"))
        #expect(text.stdout.contains("Blacklisted: blacklisted by agency shared list since 2026-03-02: “took product, never posted”."))
        #expect(text.stdout.contains("Not judged (missing data never raises a flag):"))

        let json = try CreatorsProcess.run(["risk", "st:1", "--json", "--index", index])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "st:1")
        let risk = try #require(object["risk"] as? [String: Any])
        #expect(risk["flags"] as? [String] == ["stale_data"])
        #expect(risk["as_of"] as? String == "2026-11-01")
        let checks = try #require(risk["checks"] as? [[String: Any]])
        let stale = try #require(checks.first { $0["flag"] as? String == "stale_data" })
        #expect((stale["evidence"] as? [String: Any])?["days"] as? Int == 1035)

        let missing = try CreatorsProcess.run(["risk", "@nobody", "--index", index])
        #expect(missing.status != 0 && missing.stderr.contains("no creator with id or handle '@nobody'"))
    }

    @Test("get adds the risk level, score and flags to the profile")
    func get() throws {
        let scratch = Scratch()
        let (index, _) = corpus(scratch)
        let result = try CreatorsProcess.run(["get", "@listed", "--index", index])
        #expect(result.status == 0, "\(result.stderr)")
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let risk = try #require(profile["risk"] as? [String: Any])
        #expect(risk["level"] as? String == "high")
        #expect(risk["flags"] as? [String] == ["blacklisted"])
        #expect(profile["handle"] as? String == "listed")
        let clean = try CreatorsProcess.run(["get", "@user5", "--index", index])
        let cleanRisk = try #require((try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [String: Any])?["risk"] as? [String: Any])
        #expect(cleanRisk["level"] as? String == "low" && cleanRisk["flags"] as? [String] == [])
    }

    @Test("eval-risk prints precision, recall and F1 per flag and overall; a missing labels file is an error")
    func evalRisk() throws {
        let scratch = Scratch()
        let (index, labels) = corpus(scratch)
        let text = try CreatorsProcess.run(["eval-risk", "--labels", labels, "--index", index])
        #expect(text.status == 0, "\(text.stderr)")
        let rows = text.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let blacklisted = try #require(rows.first { $0.first == "blacklisted" })
        #expect(blacklisted == ["blacklisted", "1", "1", "1", "0", "0", "1.000", "1.000", "1.000"])
        let disputes = try #require(rows.first { $0.first == "disputes" })
        #expect(disputes == ["disputes", "1", "0", "0", "0", "1", "n/a", "0.000", "n/a"])

        let json = try CreatorsProcess.run(["eval-risk", "--labels", labels, "--index", index, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(overall["true_positives"] as? Int == 2 && overall["false_negatives"] as? Int == 1)
        #expect(object["creators"] as? Int == 62)

        let missing = try CreatorsProcess.run(["eval-risk", "--labels", scratch.file("none.jsonl"), "--index", index])
        #expect(missing.status != 0 && missing.stderr.contains("cannot read the labels file"))
    }
}
