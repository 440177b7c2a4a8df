import Testing
import CreatorText

/// Case, width, diacritic and keyword folding.
struct FoldingTests {
    let analyzer: TextAnalyzer

    init() throws {
        analyzer = try TextAnalyzer()
    }

    @Test func fullWidthAndHalfWidthForms() {
        #expect(analyzer.terms("ＳＫＩＮ") == ["skin"])
        #expect(analyzer.terms("ＳＫＩＮ") == analyzer.terms("skin"))
        #expect(analyzer.terms("２０２４") == ["2024"])
        #expect(analyzer.terms("ｶﾒﾗ") == analyzer.terms("カメラ"))
        #expect(analyzer.terms("ﬁt") == ["fit"])
    }

    @Test(arguments: ["Café", "cafe", "CAFÉ", "café", "cafe\u{301}", "ＣＡＦＥ"])
    func cafeSpellingsMatch(spelling: String) {
        #expect(analyzer.terms(spelling) == ["cafe"])
    }

    @Test func latinLettersWithoutDecompositionAreSpeltInASCII() {
        #expect(analyzer.terms("Ærø Łódź œuvre Þór") == ["aero", "lodz", "oeuvre", "thor"])
    }

    @Test func typographicApostropheMatchesASCII() {
        #expect(analyzer.terms("don’t") == analyzer.terms("don't"))
    }

    @Test func marksOfOtherScriptsAreKept() {
        // Dakuten and Devanagari vowel signs are part of the word, not decoration.
        #expect(analyzer.terms("が") != analyzer.terms("か"))
        #expect(analyzer.terms("नमस्ते") == ["नमस्ते"])
    }

    @Test func numbersAreKept() {
        #expect(analyzer.terms("Since 2024: 3.14% of 1,000 fans") == ["since", "2024", "3.14", "of", "1,000", "fans"])
    }

    @Test func punctuationAndWhitespaceAreDropped() {
        #expect(analyzer.analyze("").isEmpty)
        #expect(analyzer.analyze(" \n\t !!! ... ,,, 。｜「」 - ").isEmpty)
    }

    @Test(arguments: [
        "Café", "İstanbul", "ＳＫＩＮ", "護膚", "東京", "ёлка", "Αθήνα", "مَرْحَبًا", "ออกกำลังกาย",
        "fitness", "Straße", "서울", "ジム", "Việt", "ærø", "2024", "self_care", "👍🏽",
    ])
    func foldKeywordMatchesTheTokensOfTheWord(keyword: String) {
        // For a word ICU keeps whole, the keyword fold is the word's token; for one the
        // dictionary splits (Thai), it is the tokens joined. (Korean and katakana words of
        // three characters or more are overlapping pairs, which do not join back.)
        let terms = analyzer.terms(keyword)
        #expect(!terms.isEmpty)
        #expect(analyzer.foldKeyword(keyword) == terms.joined())
    }

    @Test func foldKeywordFoldsButDoesNotSegmentOrTrim() {
        #expect(analyzer.foldKeyword("Home Décor") == "home decor")
        #expect(analyzer.foldKeyword("#Fitness") == "#fitness")
        #expect(analyzer.foldKeyword("") == "")
    }

    @Test func foldingIsIdempotent() {
        for text in ["Café İstanbul", "護膚 動画", "ＳＫＩＮ", "ёлка Αθήνα", "مَرْحَبًا", "ærø", "l'été"] {
            let folded = analyzer.foldKeyword(text)
            #expect(analyzer.foldKeyword(folded) == folded, "\(text)")
        }
    }
}
