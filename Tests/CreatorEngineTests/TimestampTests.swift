import Foundation
import Testing
@testable import CreatorEngine

@Suite("Dates and timestamps")
struct TimestampTests {
    @Test("parses the dump's date forms", arguments: [
        ("2026-11-01", "2026-11-01T00:00:00Z"),
        ("2026-11-01T08:30:00Z", "2026-11-01T08:30:00Z"),
        ("2026-11-01T08:30:00.123+08:00", "2026-11-01T00:30:00Z"),
        ("2024-02-29T23:59:59-01:00", "2024-03-01T00:59:59Z"),
        ("1969-12-31", "1969-12-31T00:00:00Z"),
    ])
    func parses(text: String, expected: String) throws {
        let parsed = try #require(Timestamp(parsing: text))
        let formatter = ISO8601DateFormatter()
        let reference = try #require(formatter.date(from: expected))
        #expect(parsed.secondsSinceEpoch == Int64(reference.timeIntervalSince1970))
    }

    @Test("refuses what is not a date", arguments: ["", "2026-13-01", "2026-02-30", "2025-02-29", "26-11-01", "2026-11-01T25:00:00Z",
                                                    "2026-11-01T08:30:00", "2026-11-01Z", "2026/11/01", "2026-11-01T08:30:00+0800"])
    func refuses(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test("dateString inverts parsing for every day of four years")
    func roundTrip() throws {
        var day = try #require(Timestamp(parsing: "2023-01-01"))
        for _ in 0..<(4 * 366) {
            #expect(Timestamp(parsing: day.dateString) == day)
            day.secondsSinceEpoch += 86_400
        }
    }
}
