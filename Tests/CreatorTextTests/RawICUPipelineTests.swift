import Testing
import CreatorText

/// The plain-ICU yardstick used by the throughput comparison.
struct RawICUPipelineTests {
    @Test func countsWordSegments() throws {
        let pipeline = try RawICUPipeline()
        #expect(pipeline.countTokens("") == 0)
        #expect(pipeline.countTokens("Hello, world! 2024") == 3)
        #expect(pipeline.countTokens("我喜欢健身") == 3)
        // Emoji and punctuation are not words to plain ICU.
        #expect(pipeline.countTokens("😀 👍🏽 !!!") == 0)
    }

    @Test func agreesWithTheAnalyzerOnPlainWords() throws {
        let pipeline = try RawICUPipeline()
        let analyzer = try TextAnalyzer()
        for text in ["Hello world and everyone in it", "今天的天气很好", "서울 맛집 추천", "Я живу в Москве"] {
            #expect(pipeline.countTokens(text) == analyzer.analyze(text).count, "\(text)")
        }
    }
}
