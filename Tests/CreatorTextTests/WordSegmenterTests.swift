import Foundation
import Testing
@testable import CreatorText

/// `WordSegmenter` segments ASCII stretches with `ASCIIWordRules` and the rest with ICU; these
/// tests hold it to ICU's own segmentation of the whole text (`usesASCIIRules: false`):
/// the same pieces, the same offsets, the same rule statuses.
struct WordSegmenterTests {
    /// The segments of `text`, by the segmenter given.
    static func segments(of text: String, by segmenter: WordSegmenter) -> [WordSegment] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [WordSegment] = []
            guard segmenter.reset(bytes) else { return result }
            while let segment = segmenter.next() { result.append(segment) }
            return result
        }
    }

    /// Compares the two segmenters on every text; returns how many texts it compared.
    @discardableResult
    static func expectICUSegmentation(of texts: some Sequence<String>, limit: Int = .max) throws -> Int {
        let fast = try WordSegmenter()
        let icu = try WordSegmenter(usesASCIIRules: false)
        var compared = 0
        for text in texts.prefix(limit) {
            let expected = segments(of: text, by: icu)
            let actual = segments(of: text, by: fast)
            #expect(actual == expected, "\(text.debugDescription)")
            if actual != expected { break }
            compared += 1
        }
        return compared
    }

    /// Characters that every ASCII rule treats differently, and non-ASCII ones that meet
    /// them at stretch edges: marks and ZWJ after a space, a non-ASCII space before ASCII
    /// spaces, letters that ICU's rules join with ASCII ones, dictionary scripts, Hebrew
    /// (whose rules use `"` and `'`), regional indicators.
    static let pieces: [String] = Array("abcXYZ").map(String.init) + Array("0123456789").map(String.init)
        + Array(".',;:_@").map(String.init) + Array(repeating: " ", count: 8) + ["  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}"]
        + Array("#!-\"/()&%$*+=?<>[]{}|~`^\\").map(String.init) + ["\u{7F}", "\u{1F}", "\u{0}"]
        + ["é", "\u{301}", "\u{200D}", "👍", "🏽", "\u{FE0F}", "ไทย", "中文", "カタカナ", "ひら", "한국", "א", "ב", "مرحبا",
           "１２", "Ａ", "\u{A0}", "\u{3000}", "\u{2003}", "🇺", "🇸", "\u{2019}", "\u{AD}", "\u{2060}", "ß", "İ", "…", "·", "：", "\u{85}", "\u{2028}"]

    @Test func randomTextsSegmentAsICUSegmentsThem() throws {
        var random = SplitMix64(state: 2026)
        let texts = (0..<20_000).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? " " }.joined()
        }
        #expect(try Self.expectICUSegmentation(of: texts) == texts.count)
    }

    @Test func randomBioLikeTextsSegmentAsICUSegmentsThem() throws {
        var random = SplitMix64(state: 7)
        let texts = (0..<5_000).map { _ in RandomText.make(using: &random, maxPieces: 20) }
        #expect(try Self.expectICUSegmentation(of: texts) == texts.count)
    }

    /// The real data sets beside the package (`../shared/data/external`).
    static let realDataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/external").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: realDataFolder.path),
                   "real data not found at ../shared/data/external (needs ../shared beside the package): skipped"))
    func realTextsSegmentAsICUSegmentsThem() throws {
        // Every line of the real data sets' CSV files: bios, names and titles in many
        // scripts, with the files' commas and quotes around them.
        var lines: [String] = []
        for case let file as URL in FileManager.default.enumerator(at: Self.realDataFolder, includingPropertiesForKeys: nil)
            ?? FileManager.DirectoryEnumerator() where file.pathExtension == "csv" {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            lines += text.split(separator: "\n", omittingEmptySubsequences: true).prefix(20_000).map(String.init)
        }
        #expect(lines.count > 5_000, "real CSV lines found: \(lines.count)")
        #expect(try Self.expectICUSegmentation(of: lines) == lines.count)
    }

    @Test(arguments: [
        // ICU 72's root rules as the ASCII rules reproduce them: `@` is a letter, `:` does
        // not join, `.` and `'` join letters and digits, `,` digits only; the status is the
        // last pair's.
        ("@nike x@y", [("@nike", 200), (" ", 0), ("x@y", 200)]),
        ("a:b e.g. don't", [("a", 200), (":", 0), ("b", 200), (" ", 0), ("e.g", 200), (".", 0), (" ", 0), ("don't", 200)]),
        ("1,000 1.5 a,b", [("1,000", 100), (" ", 0), ("1.5", 100), (" ", 0), ("a", 200), (",", 0), ("b", 200)]),
        ("abc123 123abc a1_ 1a_ _ __", [("abc123", 100), (" ", 0), ("123abc", 200), (" ", 0), ("a1_", 100), (" ", 0),
                                        ("1a_", 200), (" ", 0), ("_", 0), (" ", 0), ("__", 200)]),
        ("a\r\nb\t\tc  ", [("a", 200), ("\r\n", 0), ("b", 200), ("\t", 0), ("\t", 0), ("c", 200), ("  ", 0)]),
        ("\u{3000}  x café 👍🏽", [("\u{3000}  ", 0), ("x", 200), (" ", 0), ("café", 200), (" ", 0), ("👍🏽", 0)]),
    ] as [(String, [(String, Int32)])])
    func piecesAndStatuses(text: String, expected: [(String, Int32)]) throws {
        for segmenter in [try WordSegmenter(), try WordSegmenter(usesASCIIRules: false)] {
            let utf8 = Array(text.utf8)
            let found = Self.segments(of: text, by: segmenter).map {
                (String(decoding: utf8[$0.start..<$0.end], as: UTF8.self), $0.ruleStatus)
            }
            #expect(found.map(\.0) == expected.map(\.0))
            #expect(found.map(\.1) == expected.map(\.1))
        }
    }
}
