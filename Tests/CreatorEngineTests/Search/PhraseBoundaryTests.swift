import Testing
@testable import CreatorEngine

/// Positions skip a gap between a creator's captions (and hashtags): a phrase matches
/// inside one text only, never across two, however small the gap.
@Suite("Phrases stay inside one caption")
struct PhraseBoundaryTests {
    static let fixture: Result<SearchFixture, any Error> = Result {
        let lines = [
            // The phrases' words end one caption and start the next.
            #"{"id":"test:1","platform":"tiktok","handle":"split","followers":5000,"hashtags":["glow","up"],"recent_posts":[{"caption":"morning yoga"},{"caption":"flow practice at sunset #golden"},{"caption":"hour walk"}]}"#,
            // The same words inside one caption.
            #"{"id":"test:2","platform":"tiktok","handle":"together","followers":5001,"hashtags":["glowup"],"recent_posts":[{"caption":"morning yoga flow"},{"caption":"golden hour walk"}]}"#,
        ]
        return try SearchFixture(dump: lines.joined(separator: "\n") + "\n")
    }

    func handles(_ query: String) throws -> Set<String> {
        let fixture = try Self.fixture.get()
        return Set(try fixture.searcher.search(query).hits.map { fixture.index.handle(of: $0.document) })
    }

    @Test("a phrase whose words end one caption and start the next does not match", arguments: [
        "\"yoga flow\"", "\"morning yoga flow\"", "\"golden hour\"",
    ])
    func notAcross(phrase: String) throws {
        #expect(try handles(phrase) == ["together"])
        // The same words, not as a phrase, find both.
        #expect(try handles(String(phrase.filter { $0 != "\"" })) == ["split", "together"])
    }

    @Test("a hashtag ending a caption (two terms at one position) does not join the next caption")
    func hashtagAtTheEnd() throws {
        #expect(try handles("\"sunset golden hour\"").isEmpty)
        #expect(try handles("\"at sunset golden\"") == ["split"])
        #expect(try handles("sunset golden hour") == ["split"])
    }

    @Test("two hashtags are two texts: their words do not make a phrase")
    func hashtagsApart() throws {
        #expect(try handles("\"glow up\"").isEmpty)
        #expect(try handles("glow up") == ["split"])
    }
}
