@testable import CreatorText

/// A small deterministic random generator (SplitMix64), so property tests replay exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text shaped like creator bios: words and fragments of many scripts, emoji with
/// modifiers and ZWJ, hashtags, mentions, full-width forms, combining marks, punctuation.
enum RandomText {
    static let fragments = [
        "Fitness", "coach", "CAFÉ", "café", "cafe\u{301}", "İstanbul'da", "ıstanbul", "Straße",
        "São", "Việt", "Nam", "ёлка", "Москва", "йогурт", "Αθήνα", "ΣΟΦΟΣ", "ærø", "łódź",
        "护肤", "護膚", "动画", "動画", "了", "于", "計畫", "祇管", "東京タワー", "に", "行きました",
        "ｶﾒﾗ", "ＳＫＩＮ", "２０２４", "ออกกำลังกาย", "กําลัง", "น้ำ", "ปู่", "ພາສາລາວ",
        "ភាសាខ្មែរ", "မြန်မာ", "서울", "맛집", "서울에서", "스킨케어루틴", "e스포츠", "#스킨케어추천", "책", "ㅋㅋㅋ", "مَرْحَبًا", "أحمد", "שָׁלוֹם", "नमस्ते", "क़",
        "#fitness", "#护肤品推荐", "＃ジム", "@nike", "@ナイキ", "＠nike", "@", "#", "##x",
        "email@example.com", "don’t", "l'été", "3.14", "1,000", "C#", "😀", "👍🏽", "👩🏽‍💻",
        "❤️", "🇧🇷", "1️⃣", "™", "ﬁt", "Ⅻ", "a\u{E31}", "e\u{301}\u{327}", "\u{E4D}\u{E32}",
        "x\u{FE0F}", "\u{200D}", "\u{AD}", "-", "!", "。", "｜", ",", ".", "'",
    ]
    static let separators = [" ", " ", " ", "", "\n", ", ", "｜", "。"]

    static func make(using random: inout SplitMix64, maxPieces: Int = 12) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &random) {
            if Int.random(in: 0..<6, using: &random) == 0 {
                text.unicodeScalars.append(randomScalar(using: &random))
            } else {
                text += fragments.randomElement(using: &random) ?? ""
            }
            text += separators.randomElement(using: &random) ?? ""
        }
        return text
    }

    /// A scalar from a range that exercises some folding step.
    static func randomScalar(using random: inout SplitMix64) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x370...0x3FF, 0x400...0x4FF,
            0x590...0x5FF, 0x600...0x6FF, 0xE00...0xE7F, 0xE80...0xEFF, 0x1E00...0x1EFF,
            0x1F00...0x1FFF, 0x2000...0x206F, 0x3040...0x30FF, 0x3099...0x309C, 0x4E00...0x9FFF,
            0xAC00...0xD7A3, 0xFB00...0xFB4F, 0xFE00...0xFE0F, 0xFF00...0xFFEF, 0x1F300...0x1FAFF,
        ]
        let range = ranges.randomElement(using: &random) ?? 0x41...0x5A
        return Unicode.Scalar(UInt32.random(in: range, using: &random)) ?? "?"
    }
}

extension TextAnalyzer {
    /// The terms of `text` at each position, in order (a term list per position).
    func termsByPosition(_ text: String) -> [[String]] {
        var result: [[String]] = []
        for term in analyze(text) {
            while result.count <= term.position { result.append([]) }
            result[term.position].append(term.text)
        }
        return result
    }
}
