import Foundation
import Testing
@testable import CreatorEngine

/// Free text is analysed like the index: words of unspaced scripts are found inside
/// longer runs, and folding makes spelling variants find the same creators.
@Suite("Multilingual retrieval")
struct MultilingualSearchTests {
    /// One creator per line: handle and bio (and hashtags for the hashtag tests).
    static let bios: [(handle: String, bio: String)] = [
        ("zh_simplified", "每天分享护肤心得和平价好物"),
        ("zh_traditional", "每天分享護膚心得和開箱"),
        ("zh_cosmetics_simplified", "平价化妆品推荐"),
        ("zh_cosmetics_traditional", "平價化妝品推薦"),
        ("ja_kana", "毎日のスキンケアを紹介します"),
        ("ja_kanji", "敏感肌の化粧品レビュー"),
        ("ja_katakana_compound", "プチプラコーデと韓国コスメ"),
        ("ja_cosmetics_word", "コスメ好き"),
        ("ko_spaced", "매일 스킨케어 루틴 공유"),
        ("ko_unspaced", "매일스킨케어루틴공유해요"),
        ("ko_particle", "서울에서 맛집투어 중 📍"),
        ("th_unspaced", "รีวิวเครื่องสำอางทุกวันค่ะ"),
        ("th_other", "ออกกำลังกายที่บ้าน"),
        ("fr_cafe", "Le meilleur Café de Paris"),
        ("en_cafe", "cafe hopping every weekend"),
        ("fullwidth", "ＳＫＩＮ ＣＡＲＥ tips"),
        ("halfwidth", "skin care tips for men"),
        ("en_phrase", "Clean skincare, always."),
        ("en_reversed", "skincare that is clean"),
        ("tr_dotted", "İstanbul'da yaşam"),
        ("de_umlaut", "Schöne Grüße aus München"),
        ("emoji_fan", "I love 💄 and 🌿 things"),
    ]

    static let fixture: Result<SearchFixture, any Error> = Result {
        let lines = bios.enumerated().map { number, creator in
            #"{"id":"test:\#(number)","platform":"tiktok","handle":"\#(creator.handle)","bio":"\#(creator.bio)","followers":\#(5_000 + number)}"#
        }
        return try SearchFixture(dump: lines.joined(separator: "\n") + "\n")
    }

    func handles(_ query: String) throws -> Set<String> {
        let fixture = try Self.fixture.get()
        let response = try fixture.searcher.search(query)
        #expect(response.total == response.hits.count)
        return Set(response.hits.map { fixture.index.handle(of: $0.document) })
    }

    @Test("a word inside unspaced Chinese, Japanese, Korean and Thai text is found", arguments: [
        ("护肤", ["zh_simplified", "zh_traditional"]),
        // Cosmetics in simplified and traditional Chinese and in Japanese (化粧品, whose 粧
        // folds to 妆): one word, found alike.
        ("化妆品", ["zh_cosmetics_simplified", "zh_cosmetics_traditional", "ja_kanji"]),
        ("化妝品", ["zh_cosmetics_simplified", "zh_cosmetics_traditional", "ja_kanji"]),
        ("スキンケア", ["ja_kana"]),
        ("化粧品", ["zh_cosmetics_simplified", "zh_cosmetics_traditional", "ja_kanji"]),
        ("敏感肌", ["ja_kanji"]),
        // Katakana compounds unknown to ICU's dictionary are pairs, so their words find them.
        ("コーデ", ["ja_katakana_compound"]),
        ("プチプラ", ["ja_katakana_compound"]),
        ("コスメ", ["ja_katakana_compound", "ja_cosmetics_word"]),
        ("ｺｽﾒ", ["ja_katakana_compound", "ja_cosmetics_word"]),
        ("스킨케어", ["ko_spaced", "ko_unspaced"]),
        ("루틴", ["ko_spaced", "ko_unspaced"]),
        ("서울", ["ko_particle"]),
        ("맛집", ["ko_particle"]),
        ("서울에서", ["ko_particle"]),
        ("เครื่องสำอาง", ["th_unspaced"]),
        ("ออกกำลังกาย", ["th_other"]),
    ])
    func unspacedScripts(query: String, expected: [String]) throws {
        #expect(try handles(query) == Set(expected))
    }

    @Test("spelling variants find the same creators", arguments: [
        ["护肤", "護膚", "护膚"],
        ["化妆品", "化妝品"],
        ["化妆品推荐", "化妝品推薦"],
        ["cafe", "Café", "CAFÉ", "café"],
        ["skin", "ＳＫＩＮ", "Skin"],
        ["istanbul", "İstanbul", "ISTANBUL"],
        ["grusse", "Grüße", "GRÜSSE"],
    ])
    func variants(queries: [String]) throws {
        let results = try queries.map(handles)
        #expect(!results[0].isEmpty, "\(queries[0]) finds nothing")
        for (query, result) in zip(queries, results) { #expect(result == results[0], "\(query) differs from \(queries[0])") }
    }

    @Test("a phrase needs its words together and in order; words alone do not")
    func phrases() throws {
        #expect(try handles("\"clean skincare\"") == ["en_phrase"])
        #expect(try handles("clean skincare") == ["en_phrase", "en_reversed"])
        #expect(try handles("\"skin care\"") == ["fullwidth", "halfwidth"])
        #expect(try handles("\"care skin\"").isEmpty)
        // Korean pairs: in a row inside the quoted words, and the words in order.
        #expect(try handles("\"스킨케어 루틴\"") == ["ko_spaced"])
        #expect(try handles("\"스킨케어루틴\"") == ["ko_unspaced"])
        #expect(try handles("\"루틴 스킨케어\"").isEmpty)
        // Katakana pairs likewise.
        #expect(try handles("\"プチプラコーデ\"") == ["ja_katakana_compound"])
        #expect(try handles("\"コーデプチプラ\"").isEmpty)
    }

    @Test("emoji are searchable words")
    func emoji() throws {
        #expect(try handles("💄") == ["emoji_fan"])
        #expect(try handles("🌿 love") == ["emoji_fan"])
    }
}
