import Foundation
import Testing

@Suite("creators match, run as a process", .serialized)
struct MatchCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = repository.appendingPathComponent("corpora/sample").path
    static let briefs = repository.appendingPathComponent("corpora/briefs").path

    /// Runs `creators` with `input` on its standard input.
    static func run(_ arguments: [String], input: String) throws -> CreatorsProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CreatorsProcess.executable)
        process.arguments = arguments
        let inPipe = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = err
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CreatorsProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("a table by default, the MATCH document with --json, the same bytes from a file and from stdin")
    func outputs() throws {
        let scratch = Scratch()
        #expect(try CreatorsProcess.run(["build", Self.sample, "--index", scratch.file("index")]).status == 0)
        let index = ["--index", scratch.file("index")]
        let briefPath = Self.briefs + "/en-vitamin-c-serum.json"

        let table = try CreatorsProcess.run(["match", briefPath] + index)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.contains("handle") == true && lines.first?.contains("aud") == true)
        #expect(lines.dropFirst().first?.contains("@") == true)
        #expect(table.stdout.contains("creators; reach ") && table.stdout.contains("highest pairwise overlap"))

        let json = try CreatorsProcess.run(["match", briefPath, "--json"] + index)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let shortlist = try #require(object["shortlist"] as? [[String: Any]])
        #expect(!shortlist.isEmpty && shortlist.count <= 10)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["unique_reach"] is Int && summary["total_reach"] is Int && summary["cost"] is NSNumber)
        #expect((summary["cost"] as? Double ?? .infinity) <= 15_000)
        let parts = try #require(shortlist.first?["score_parts"] as? [String: Any])
        #expect(Set(parts.keys) == ["text_relevance", "audience_fit", "engagement_quality", "credibility", "price_fit", "track_record", "risk_factor"])
        #expect(shortlist.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })

        let brief = try String(contentsOfFile: briefPath, encoding: .utf8)
        let piped = try Self.run(["match", "-", "--json"] + index, input: brief)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == json.stdout)
    }

    @Test("a bad brief exits with 2 and the message naming the field; an unreadable file with 1")
    func errors() throws {
        let scratch = Scratch()
        let (dump, _) = scratch.dump("a.jsonl", count: 10)
        #expect(try CreatorsProcess.run(["build", dump, "--index", scratch.file("index")]).status == 0)
        let index = ["--index", scratch.file("index")]

        let bad = try Self.run(["match", "-"] + index, input: #"{"product": "serum", "count": 0}"#)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("brief field 'count': must be from 1 to 500, got 0"))
        #expect(bad.stdout.isEmpty)

        let unknown = try Self.run(["match", "-"] + index, input: #"{"product": "serum", "budjet": {"total": 100}}"#)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(#"brief field 'budjet': unknown field; did you mean "budget"?"#))

        let notJSON = try Self.run(["match", "-"] + index, input: "product: serum")
        #expect(notJSON.status == 2 && notJSON.stderr.contains("brief: not valid JSON"))

        let missing = try CreatorsProcess.run(["match", scratch.file("nope.json")] + index)
        #expect(missing.status == 1 && missing.stderr.contains("cannot read the brief"))
    }
}
