import Foundation

/// A fixed set of texts that one benchmark iteration analyses in full; its byte count turns
/// a time into MB/s.
public struct TextSample: Sendable {
    public let name: String
    public let texts: [String]
    /// Total UTF-8 bytes of `texts`.
    public let bytes: Int

    public init(name: String, texts: [String]) {
        self.name = name
        self.texts = texts
        bytes = texts.reduce(0) { $0 + $1.utf8.count }
    }

    /// "name, 1.23 MB, 456 texts".
    public var summary: String {
        "\(name), \(Report.fixed(Double(bytes) / 1e6, 2)) MB, \(texts.count) texts"
    }

    /// The real bios of the TIDES TikTok table (`signature` column, empty ones left out), or
    /// nil when the shared data folder is absent.
    public static func tidesBios() -> TextSample? {
        guard let data = FileManager.default.contents(atPath: BenchmarkPaths.tidesTikTokCSV),
              let bios = CSVColumn.values(named: "signature", in: [UInt8](data)) else { return nil }
        return TextSample(name: "TIDES TikTok bios (real, mixed scripts)", texts: bios.filter { !$0.isEmpty })
    }

    /// Captions of recent posts in a generated dump, read from its start until `byteBudget`
    /// bytes of caption text are collected.
    public static func generatedCaptions(dump: String, byteBudget: Int = 4_000_000) throws -> TextSample {
        var captions: [String] = []
        var total = 0
        try DumpTexts.forEachText(in: dump) { text, isCaption in
            guard isCaption else { return true }
            captions.append(text)
            total += text.utf8.count
            return total < byteBudget
        }
        return TextSample(name: "generated captions", texts: captions)
    }

    /// Bios and captions of a generated dump that are mostly Chinese, Japanese or Korean
    /// (at least half of their non-space scalars are Han, kana or Hangul), up to `byteBudget`.
    public static func generatedCJK(dump: String, byteBudget: Int = 2_000_000) throws -> TextSample {
        var texts: [String] = []
        var total = 0
        try DumpTexts.forEachText(in: dump) { text, _ in
            guard CJKShare.of(text) >= 0.5 else { return true }
            texts.append(text)
            total += text.utf8.count
            return total < byteBudget
        }
        return TextSample(name: "generated CJK bios and captions", texts: texts)
    }
}

/// How much of a text is written in CJK scripts.
enum CJKShare {
    /// The share of non-whitespace scalars that are Han, Hiragana, Katakana or Hangul.
    static func of(_ text: String) -> Double {
        var cjk = 0, counted = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            counted += 1
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
                cjk += 1
            default: break
            }
        }
        return counted == 0 ? 0 : Double(cjk) / Double(counted)
    }
}
