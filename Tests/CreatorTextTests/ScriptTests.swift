import Testing
@testable import CreatorText

/// One test per script or language: the tokens a reader of that language would cut the
/// text into, folded. (Each expectation was checked against ICU 72's segmentation; where
/// ICU's dictionaries cut differently from a linguist, the example is not used here.)
struct ScriptTests {
    let analyzer: TextAnalyzer

    init() throws {
        analyzer = try TextAnalyzer()
    }

    @Test func english() {
        #expect(analyzer.terms("Hello World! I'm a fitness coach.") == ["hello", "world", "i'm", "a", "fitness", "coach"])
    }

    @Test func simplifiedChinese() {
        #expect(analyzer.terms("我喜欢健身和护肤") == ["我", "喜欢", "健身", "和", "护肤"])
        #expect(analyzer.terms("今天的天气很好。") == ["今天", "的", "天气", "很好"])
    }

    @Test func traditionalChineseFoldsToSimplified() {
        #expect(analyzer.terms("我喜歡健身和護膚") == ["我", "喜欢", "健身", "和", "护肤"])
        #expect(analyzer.terms("護膚") == analyzer.terms("护肤"))
        #expect(analyzer.terms("臺灣") == ["台湾"])
        // A rule that spans characters: 計畫 is 计划 (plan), not 计画.
        #expect(analyzer.terms("計畫") == ["计划"])
    }

    @Test("traditional, simplified and mixed spellings segment alike", arguments: [
        ["化妆品", "化妝品"],
        ["护肤品推荐", "護膚品推薦", "护膚品推薦"],
        ["护肤", "護膚", "护膚", "護肤"],
        ["美妆博主分享", "美妝博主分享"],
        ["直播带货", "直播帶貨"],
        ["台湾美食探店", "臺灣美食探店"],
        ["每天分享护肤心得", "每天分享護膚心得"],
    ])
    func chineseScriptsSegmentAlike(spellings: [String]) {
        // ICU's dictionary splits some simplified words that it keeps whole in traditional
        // (化妆品 → 化妆 品, 化妝品 whole), so the fold runs before segmentation.
        let expected = analyzer.terms(spellings[0])
        for spelling in spellings.dropFirst() { #expect(analyzer.terms(spelling) == expected, "\(spelling)") }
    }

    @Test func japaneseKana() {
        // Katakana words are pairs (see `katakana`); hiragana and kanji stay ICU's words.
        #expect(analyzer.terms("カメラが好きです") == ["カメ", "メラ", "が", "好き", "です"])
        #expect(analyzer.terms("ありがとう") == ["ありがとう"])
    }

    @Test func katakana() {
        // A compound ICU's dictionary does not know stays one word: its pairs, a position each.
        #expect(analyzer.termsByPosition("プチプラコーデ") == [["プチ"], ["チプ"], ["プラ"], ["ラコ"], ["コー"], ["ーデ"]])
        // So a word finds the compound: its pairs are there, in a row.
        let compound = analyzer.terms("プチプラコーデ")
        #expect(analyzer.terms("コーデ").allSatisfy(compound.contains))
        #expect(analyzer.terms("プチプラ").allSatisfy(compound.contains))
        // Two characters are their own pair; one stays whole; half width is folded first.
        #expect(analyzer.terms("ケア") == ["ケア"])
        #expect(analyzer.terms("ｺｰﾃﾞ") == analyzer.terms("コーデ"))
        // Other characters in the word stay terms of their own, and no pair joins two scripts.
        #expect(analyzer.terms("韓国コスメ") == ["韩国", "コス", "スメ"])
        #expect(analyzer.terms("서울コスメ").prefix(1) == ["서울"])
        #expect(!analyzer.terms("서울コスメ").contains { $0.unicodeScalars.contains { $0.value >= 0xAC00 } && $0.unicodeScalars.contains { (0x30A1...0x30FF).contains($0.value) } })
    }

    @Test(arguments: [
        // The prolonged sound mark continues a katakana run but does not start one: hiragana
        // uses it too (ICU splits this one into characters; the rule holds for any word).
        ("すごーい", ["すごーい"]),
        ("コーヒー", ["コー", "ーヒ", "ヒー"]),
        ("ーコ", ["ー", "コ"]),
        // The middle dot is not katakana; Hangul and katakana never share a pair.
        ("ハンド・メイド", ["ハン", "ンド", "・", "メイ", "イド"]),
        ("서울コスメ", ["서울", "コス", "スメ"]),
        ("カ", ["カ"]),
    ])
    func pairsOfOneWord(word: String, expected: [String]) {
        var arena = TermArena()
        arena.append(word.utf8, position: 0)
        var scratch: [UInt8] = []
        let taken = CharacterBigrams.splitLastTerm(of: &arena, position: 0, scratch: &scratch)
        let pieces = (0..<arena.count).map { String(decoding: arena.bytes[arena.range(of: $0)], as: UTF8.self) }
        #expect(pieces == expected)
        #expect(Int(taken) == expected.count)
    }

    @Test func katakanaHashtagsKeepTheWholeTagBesideThePairs() {
        let terms = analyzer.termsByPosition("#プチプラコーデ")
        #expect(terms.first == ["#プチプラコーデ", "プチ"])
        #expect(terms.dropFirst().map { $0.count } == [1, 1, 1, 1, 1])
    }

    @Test func japaneseKanjiAreFoldedLikeChinese() {
        // Decision (see HanVariantFolder): kanji fold to simplified forms in every text, so a
        // kana-less query such as 東京 or 動画 still matches Japanese text.
        #expect(analyzer.terms("私はカメラが好きです") == ["私", "は", "カメ", "メラ", "が", "好き", "です"])
        #expect(analyzer.terms("東京タワー") == ["东京", "タワ", "ワー"])
        #expect(analyzer.terms("東京タワー") == analyzer.terms("东京タワー"))
        #expect(analyzer.terms("動画") == ["动画"])
        #expect(analyzer.terms("動画を見る").first == analyzer.terms("動画").first)
        // Shinjitai with no traditional form stay as written.
        #expect(analyzer.terms("広告") == ["広告"])
    }

    @Test func korean() {
        // Two-syllable words are their own pair.
        #expect(analyzer.terms("서울 맛집 추천") == ["서울", "맛집", "추천"])
        // Particles and joined words: overlapping pairs, a position each.
        #expect(analyzer.termsByPosition("서울에서 스킨케어루틴") == [["서울"], ["울에"], ["에서"], ["스킨"], ["킨케"], ["케어"], ["어루"], ["루틴"]])
        // A lone syllable stays whole; other characters in the word stay terms of their own.
        // Jamo are not syllables: `ㅋㅋㅋ` stays one term (NFKC makes them conjoining jamo).
        #expect(analyzer.terms("책 e스포츠 IT리뷰 ㅋㅋㅋ") == ["책", "e", "스포", "포츠", "it", "리뷰", analyzer.foldKeyword("ㅋㅋㅋ")])
        #expect(analyzer.terms("K뷰티") == ["k", "뷰티"])
        #expect(analyzer.terms("뷰티K") == ["뷰티", "k"])
        #expect(analyzer.terms("가A나") == ["가", "a", "나"])
    }

    @Test func koreanHashtagsKeepTheWholeTagBesideThePairs() {
        #expect(analyzer.termsByPosition("#스킨케어추천 @서울맛집") == [
            ["#스킨케어추천", "스킨"], ["킨케"], ["케어"], ["어추"], ["추천"], ["@서울맛집", "서울"], ["울맛"], ["맛집"],
        ])
        #expect(analyzer.foldKeyword("스킨케어추천") == "스킨케어추천")
    }

    @Test func thai() {
        #expect(analyzer.terms("ออกกำลังกาย") == ["ออก", "กำลัง", "กาย"])
        #expect(analyzer.terms("ผมชอบกินข้าวผัด") == ["ผม", "ชอบ", "กิน", "ข้าว", "ผัด"])
    }

    @Test func thaiSaraAmKeepsItsUsualSpelling() {
        // NFKC would decompose ำ (U+0E33) into ํ + า; the analyser keeps U+0E33, and folds the
        // decomposed spelling to it.
        let terms = analyzer.terms("น้ำ")
        #expect(terms == ["น้ำ"])
        #expect(terms.first?.unicodeScalars.last == "\u{E33}")
        #expect(analyzer.foldKeyword("ก\u{E4D}\u{E32}ลัง") == "กำลัง")
    }

    @Test func lao() {
        #expect(analyzer.terms("ຂ້ອຍມັກເຮັດອາຫານລາວ") == ["ຂ້ອຍ", "ມັກ", "ເຮັດ", "ອາຫານ", "ລາວ"])
    }

    @Test func arabic() {
        #expect(analyzer.terms("مرحبا بالعالم") == ["مرحبا", "بالعالم"])
        // Vowel marks (harakat) and hamza on alef are optional in writing: both spellings match.
        #expect(analyzer.terms("مَرْحَبًا") == analyzer.terms("مرحبا"))
        #expect(analyzer.terms("أحمد") == analyzer.terms("احمد"))
        #expect(analyzer.terms("مـــرحبا") == analyzer.terms("مرحبا"))  // kashida
    }

    @Test func hebrew() {
        #expect(analyzer.terms("שָׁלוֹם") == analyzer.terms("שלום"))
    }

    @Test func vietnamese() {
        #expect(analyzer.terms("Xin chào Việt Nam") == ["xin", "chao", "viet", "nam"])
        #expect(analyzer.terms("đầu bếp") == ["dau", "bep"])
    }

    @Test func spanish() {
        #expect(analyzer.terms("Creadora de contenido en España") == ["creadora", "de", "contenido", "en", "espana"])
        #expect(analyzer.terms("¿Qué tal?") == ["que", "tal"])
    }

    @Test func portuguese() {
        #expect(analyzer.terms("São Paulo • Ação e coração") == ["sao", "paulo", "acao", "e", "coracao"])
    }

    @Test func indonesian() {
        #expect(analyzer.terms("Saya suka makan nasi goreng!") == ["saya", "suka", "makan", "nasi", "goreng"])
    }

    @Test func german() {
        #expect(analyzer.terms("Die Straße in München") == ["die", "strasse", "in", "munchen"])
    }

    @Test func french() {
        #expect(analyzer.terms("Pâtisserie à Paris, café crème") == ["patisserie", "a", "paris", "cafe", "creme"])
        // Elision: l'été is found by été.
        #expect(analyzer.termsByPosition("l'été") == [["l'ete", "ete"]])
    }

    @Test func russian() {
        #expect(analyzer.terms("Я живу в Москве.") == ["я", "живу", "в", "москве"])
        #expect(analyzer.terms("Ёлка") == ["елка"])  // ё is commonly written е
        #expect(analyzer.terms("мой йогурт") == ["мой", "йогурт"])  // й is a letter of its own
    }

    @Test func greek() {
        #expect(analyzer.terms("ΑΘΉΝΑ Αθήνα") == ["αθηνα", "αθηνα"])
    }

    @Test func turkish() {
        #expect(analyzer.terms("İstanbul") == ["istanbul"])
        #expect(analyzer.terms("İstanbul") == analyzer.terms("istanbul"))
        #expect(analyzer.terms("ISTANBUL") == analyzer.terms("istanbul"))
        #expect(analyzer.terms("Işık") == ["isik"])
        // The suffix after the apostrophe: İstanbul'da (in Istanbul) is found by istanbul.
        #expect(analyzer.termsByPosition("İstanbul'da yaşıyorum") == [["istanbul'da", "istanbul", "da"], ["yasiyorum"]])
    }

    @Test func khmerAndBurmeseAreSegmented() {
        #expect(analyzer.terms("ខ្ញុំចូលចិត្តធ្វើម្ហូបខ្មែរ").count > 1)
        #expect(analyzer.terms("ကျွန်တော်ချက်ပြုတ်ရတာကြိုက်တယ်").count > 1)
    }

    @Test func mixedScriptBioWithEmoji() {
        let bio = "Beauty & 护肤分享 💄 | Seoul 서울 🇰🇷 #skincare @glossier 👍🏽 ออกกำลังกาย"
        #expect(analyzer.termsByPosition(bio) == [
            ["beauty"], ["护肤"], ["分享"], ["💄"], ["seoul"], ["서울"], ["🇰🇷"],
            ["#skincare", "skincare"], ["@glossier", "glossier"], ["👍"], ["ออก"], ["กำลัง"], ["กาย"],
        ])
    }
}
