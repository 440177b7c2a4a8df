@testable import CorpusGenerator
import Foundation
import Testing

@Suite("JSON buffer")
struct JSONBufferTests {
    @Test("strings with quotes, backslashes, control characters and non-ASCII round-trip")
    func escaping() throws {
        let texts = ["plain", "quote \" and \\ backslash", "tab\tnew\nline\r", "\u{01}\u{1F}", "美妆 ✨ 👩‍🍳 ภาษาไทย", ""]
        var json = JSONBuffer()
        json.beginArray()
        for text in texts { json.string(text) }
        json.endArray()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String])
        #expect(parsed == texts)
    }

    @Test("decimals round-trip within half a unit of the last place", arguments: [0, 1, 2, 4, 5])
    func decimals(places: Int) throws {
        var random = SplitMix64(seed: UInt64(places), index: 0, stream: .extras)
        var values: [Double] = []
        var json = JSONBuffer()
        json.beginArray()
        for _ in 0..<500 {
            let value = random.unit() * pow(10, Double(random.integer(-3...7)))
            values.append(value)
            json.decimal(value, places: places)
        }
        json.endArray()
        #expect(StrictJSONSyntax.isValid(json.bytes))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [NSNumber])
        for (value, number) in zip(values, parsed) {
            #expect(abs(number.doubleValue - value) <= 0.5 * pow(10, -Double(places)) + 1e-9 * value)
        }
    }

    @Test("objects nest with commas in the right places")
    func structure() throws {
        var json = JSONBuffer()
        json.beginObject()
        json.key("a"); json.integer(-12)
        json.key("b"); json.beginArray(); json.beginArray(); json.date(CalendarDay(year: 2024, month: 2, day: 29)!)
        json.integer(3); json.endArray(); json.beginObject(); json.endObject(); json.endArray()
        json.key("c"); json.bool(true)
        json.key("d"); json.timestamp(CalendarDay(year: 2026, month: 1, day: 5)!, secondOfDay: 3_661, offsetMinutes: -330)
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self)
            == #"{"a":-12,"b":[["2024-02-29",3],{}],"c":true,"d":"2026-01-05T01:01:01-05:30"}"#)
    }

    @Test("calendar days convert both ways")
    func calendar() {
        var random = SplitMix64(seed: 3, index: 0, stream: .extras)
        for _ in 0..<1_000 {
            let day = CalendarDay(daysSinceEpoch: random.integer(-100_000...100_000))
            let (year, month, dayOfMonth) = day.civil
            #expect(CalendarDay(year: year, month: month, day: dayOfMonth) == day)
            #expect(CalendarDay(parsing: day.text) == day || year < 1000)
        }
        #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
    }
}
