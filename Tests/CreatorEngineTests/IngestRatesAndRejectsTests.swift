import CreatorEngine
import Foundation
import Testing

@Suite("CurrencyRates and RejectLog")
struct IngestRatesAndRejectsTests {
    @Test("The built-in table is dated and covers the common currencies")
    func builtIn() throws {
        let rates = CurrencyRates.builtIn
        #expect(rates.date.dateString == "2026-11-01")
        let required = ["USD", "CNY", "EUR", "GBP", "JPY", "KRW", "IDR", "THB", "VND", "BRL", "MXN", "INR", "PHP", "MYR",
                        "SGD", "TWD", "HKD", "AUD", "CAD", "RUB", "TRY", "SAR", "AED"]
        for code in required { #expect(rates.usdPerUnit[code] != nil, "\(code) missing") }
        #expect(rates.usdPerUnit.count >= 30)
        for (code, rate) in rates.usdPerUnit {
            #expect(rate > 0 && rate.isFinite, "\(code)")
            #expect(code.count == 3 && code == code.uppercased(), "\(code)")
        }
        // Sanity of magnitudes: a euro is worth more than a dollar, a yen far less.
        #expect(try #require(rates.usdPerUnit["EUR"]) > 1)
        #expect(try #require(rates.usdPerUnit["JPY"]) < 0.05)
        #expect(rates.usd(100, currency: "usd") == 100)
        #expect(rates.usd(100, currency: "EUR") == 100 * rates.usdPerUnit["EUR"]!)
        #expect(rates.usd(100, currency: "eur") == rates.usd(100, currency: "EUR"))
        #expect(rates.usd(100, currency: "XYZ") == nil)
    }

    @Test("A rate file replaces the table")
    func loadFile() throws {
        let path = try IngestFixture.temporaryFolder() + "/rates.json"
        try IngestFixture.write(Array(#"{"date": "2027-01-15", "source": "ignored", "usd_per_unit": {"EUR": 1.5, "cny": 0.2}}"#.utf8), to: path)
        let rates = try CurrencyRates(contentsOfFile: path)
        #expect(rates.date.dateString == "2027-01-15")
        #expect(rates.usdPerUnit == ["EUR": 1.5, "CNY": 0.2, "USD": 1])
        #expect(rates.usd(10, currency: "CNY") == 2)
        #expect(rates.usd(10, currency: "GBP") == nil)
        let parser = ProfileParser(rates: rates)
        let profile = try #require(parser.profile(IngestFixture.minimal(#""price":{"currency":"EUR","per_post":100}"#)))
        #expect(profile.price?.usd == 150)
    }

    @Test("A bad rate file is a clear error", arguments: [
        ("{", "not valid JSON"),
        ("[1]", "expected a JSON object"),
        (#"{"usd_per_unit": {}}"#, #"missing "date""#),
        (#"{"date": "Nov 1", "usd_per_unit": {}}"#, #""date": expected YYYY-MM-DD, got "Nov 1""#),
        (#"{"date": "2026-11-01"}"#, #"missing "usd_per_unit""#),
        (#"{"date": "2026-11-01", "usd_per_unit": [1]}"#, #""usd_per_unit": expected an object"#),
        (#"{"date": "2026-11-01", "usd_per_unit": {"EURO": 1.1}}"#, #""EURO" is not a three-letter ISO 4217 code"#),
        (#"{"date": "2026-11-01", "usd_per_unit": {"EUR": 0}}"#, #""usd_per_unit".EUR: expected a number > 0, got 0"#),
        (#"{"date": "2026-11-01", "usd_per_unit": {"EUR": "1.1"}}"#, #""usd_per_unit".EUR: expected a number > 0, got "1.1""#),
    ])
    func badFile(content: String, problem: String) throws {
        let path = try IngestFixture.temporaryFolder() + "/rates.json"
        try IngestFixture.write(Array(content.utf8), to: path)
        do {
            _ = try CurrencyRates(contentsOfFile: path)
            Issue.record("accepted \(content)")
        } catch let error as IngestError {
            guard case .invalidRates(let errorPath, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(reason.contains(problem), "\(reason)")
        }
    }

    @Test("A missing rate file is a clear error")
    func missingFile() throws {
        let path = try IngestFixture.temporaryFolder() + "/none.json"
        #expect(throws: IngestError.invalidRates(path: path, reason: "no such file")) {
            try CurrencyRates(contentsOfFile: path)
        }
    }

    @Test("Rejects are written as JSON lines with source, line, reason and the text")
    func rejectLog() throws {
        let folder = try IngestFixture.temporaryFolder()
        let path = folder + "/rejects.jsonl"
        let log = try RejectLog(path: path)
        // Created at once, so an empty file means nothing was rejected.
        #expect(FileManager.default.fileExists(atPath: path))
        let awkward = Array("{\"bio\":\"tab\tand \\\"quote\\\" \\\\ 美 🌿".utf8) + [0x01, 0xFF, 0x41]
        try log.write(source: "dumps/a.jsonl", line: 7, reason: "not valid JSON: bad", text: awkward)
        try log.write(source: "b \"quoted\".jsonl.gz", line: 12_345_678, reason: "followers: expected an integer >= 0, got -5",
                      text: Array("{\"followers\":-5}".utf8))
        #expect(log.count == 2)
        try log.close()

        let content = try String(contentsOfFile: path, encoding: .utf8)
        let lines = content.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(content.hasSuffix("\n"))
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["source"] as? String == "dumps/a.jsonl")
        #expect(first["line"] as? Int == 7)
        #expect(first["reason"] as? String == "not valid JSON: bad")
        // The invalid byte 0xFF becomes U+FFFD; everything else is the line unchanged.
        #expect(first["text"] as? String == "{\"bio\":\"tab\tand \\\"quote\\\" \\\\ 美 🌿\u{01}\u{FFFD}A")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["source"] as? String == "b \"quoted\".jsonl.gz")
        #expect(second["line"] as? Int == 12_345_678)
        #expect(second["text"] as? String == "{\"followers\":-5}")

        // Reopening truncates: no stale rejects.
        try RejectLog(path: path).close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test("A reject log in a missing folder is an I/O error naming the path")
    func rejectLogError() {
        #expect(throws: IngestError.self) { try RejectLog(path: "/nonexistent-folder-for-test/rejects.jsonl") }
    }
}
