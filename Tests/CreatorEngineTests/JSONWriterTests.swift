import Foundation
import Testing
@testable import CreatorEngine

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("random strings, integers, doubles and dates read back equal through JSONSerialization")
    func roundTrip() throws {
        var random = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "é", "护", "🌿", " ", "/", "\u{7F}"]
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0...20, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let integer = Int64.random(in: Int64.min / 2...Int64.max / 2, using: &random)
            let double = Double.random(in: -1e9...1e9, using: &random)
            let day = Int64.random(in: -3000...40_000, using: &random)
            var json = JSONWriter()
            json.beginObject()
            json.key(text); json.value(text)
            json.key("i"); json.value(integer)
            json.key("d"); json.value(double)
            json.key("date"); json.value(Timestamp(secondsSinceEpoch: day * 86_400))
            json.key("list"); json.beginArray(); json.value(Int64.max); json.value(Int64.min + 1); json.value(0 as Int64); json.endArray()
            json.endObject()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any], "\(json.string)")
            #expect(object[text] as? String == text)
            #expect((object["i"] as? NSNumber)?.int64Value == integer)
            // Foundation's JSON parser rounds some doubles, so read the number's text with Double(_:).
            #expect(object["d"] is NSNumber)
            let output = json.string
            let numberStart = try #require(output.range(of: "\"d\":")).upperBound
            let numberText = output[numberStart...].prefix { $0 != "," }
            #expect(Double(numberText) == double, "\(numberText)")
            #expect(object["date"] as? String == Timestamp(secondsSinceEpoch: day * 86_400).dateString)
            #expect((object["list"] as? [NSNumber])?.map(\.int64Value) == [Int64.max, Int64.min + 1, 0])
        }
    }
}
