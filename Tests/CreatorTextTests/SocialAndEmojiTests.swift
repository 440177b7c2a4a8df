import Testing
import CreatorText

/// Hashtags, mentions, emoji and positions.
struct SocialAndEmojiTests {
    let analyzer: TextAnalyzer

    init() throws {
        analyzer = try TextAnalyzer()
    }

    @Test func hashtagGivesMarkedAndPlainTokenAtOnePosition() {
        #expect(analyzer.analyze("#fitness") == [
            AnalyzedTerm(text: "#fitness", position: 0), AnalyzedTerm(text: "fitness", position: 0),
        ])
        #expect(analyzer.termsByPosition("Love #Fitness and #2024goals") == [
            ["love"], ["#fitness", "fitness"], ["and"], ["#2024goals", "2024goals"],
        ])
    }

    @Test func mentionGivesMarkedAndPlainTokenAtOnePosition() {
        #expect(analyzer.analyze("@nike") == [
            AnalyzedTerm(text: "@nike", position: 0), AnalyzedTerm(text: "nike", position: 0),
        ])
        #expect(analyzer.termsByPosition("DM @Nike.Running or @ナイキ") == [
            ["dm"], ["@nike.running", "nike.running"], ["or"], ["@ナイキ", "ナイ"], ["イキ"],
        ])
    }

    @Test func fullWidthMarkers() {
        #expect(analyzer.termsByPosition("＃ジム ＠nike") == [["#ジム", "ジム"], ["@nike", "nike"]])
    }

    @Test func hashtagSplitByTheDictionaryKeepsItsWholeText() {
        #expect(analyzer.termsByPosition("#护肤推荐") == [["#护肤推荐", "护肤"], ["推荐"]])
        // Traditional hashtags fold like keywords.
        #expect(analyzer.terms("#護膚").first == "#" + analyzer.foldKeyword("護膚"))
    }

    @Test func markedTokenBodyEqualsFoldKeyword() {
        for tag in ["Fitness", "Café", "İstanbul", "护肤品推荐", "ＯＯＴＤ", "self_care", "東京タワー"] {
            #expect(analyzer.terms("#" + tag).first == "#" + analyzer.foldKeyword(tag), "\(tag)")
        }
    }

    @Test func loneMarkersAndEmailsAreNotTags() {
        #expect(analyzer.terms("# @ ＃ ＠") == [])
        #expect(analyzer.terms("C# email@example.com") == ["c", "email@example.com"])
        #expect(analyzer.termsByPosition("@ nike") == [["nike"]])
    }

    @Test func emojiAreTokens() {
        #expect(analyzer.terms("I ❤️ pizza 🍕") == ["i", "❤", "pizza", "🍕"])
    }

    @Test func skinToneAndVariationSelectorsAreIgnored() {
        #expect(analyzer.terms("👍🏽") == ["👍"])
        #expect(analyzer.terms("👍🏿") == analyzer.terms("👍"))
        #expect(analyzer.terms("❤️") == analyzer.terms("❤"))
    }

    @Test func zwjSequenceStaysOneToken() {
        #expect(analyzer.terms("👩🏽‍💻") == ["👩\u{200D}💻"])
        #expect(analyzer.terms("👩‍💻") == analyzer.terms("👩🏽‍💻"))
        #expect(analyzer.terms("👩‍💻") != analyzer.terms("💻"))
    }

    @Test func flagsAreTokens() {
        #expect(analyzer.terms("🇧🇷🇺🇸") == ["🇧🇷", "🇺🇸"])
    }

    @Test func positionsCountWordsFromZero() {
        let terms = analyzer.analyze("one, two... three 😀 four")
        #expect(terms.map(\.position) == [0, 1, 2, 3, 4])
        #expect(terms.map(\.text) == ["one", "two", "three", "😀", "four"])
    }

    @Test func positionsNeverDecreaseAndHaveNoGaps() {
        var random = SplitMix64(state: 7)
        for _ in 0..<300 {
            let positions = analyzer.analyze(RandomText.make(using: &random)).map(\.position)
            #expect(positions.first ?? 0 == 0)
            #expect(zip(positions, positions.dropFirst()).allSatisfy { $1 == $0 || $1 == $0 + 1 })
        }
    }

    @Test func analyzeIntoReplacesTheArray() {
        var terms = [AnalyzedTerm(text: "stale", position: 9)]
        analyzer.analyze("fresh words", into: &terms)
        #expect(terms == analyzer.analyze("fresh words"))
    }
}
