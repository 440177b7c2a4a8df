import Testing
@testable import CreatorEngine

/// Audience shares: thresholds as people type them, unknown audiences, keys a creator lacks.
@Suite("Audience qualifiers")
struct AudienceSearchTests {
    static let fixture: Result<SearchFixture, any Error> = Result {
        let lines = [
            #"{"id":"a:1","platform":"tiktok","handle":"seventy","followers":5000,"audience":{"genders":{"male":0.7,"female":0.3},"countries":{"US":0.4,"BR":0.6}}}"#,
            #"{"id":"a:2","platform":"tiktok","handle":"sixtynine","followers":5000,"audience":{"genders":{"male":0.69,"female":0.31},"countries":{"BR":1.0}}}"#,
            #"{"id":"a:3","platform":"tiktok","handle":"unknown","followers":5000}"#,
        ]
        return try SearchFixture(dump: lines.joined(separator: "\n") + "\n")
    }

    func handles(_ query: String) throws -> Set<String> {
        let fixture = try Self.fixture.get()
        let response = try fixture.searcher.search(query)
        return Set(response.hits.map { fixture.index.handle(of: $0.document) })
    }

    @Test("a share of exactly 70% passes >=70% (compared at the stored precision)")
    func boundary() throws {
        #expect(try handles("aud.gender:male>=70%") == ["seventy"])
        #expect(try handles("aud.gender:male<70%") == ["sixtynine"])
    }

    @Test("unknown audiences never match; a missing key is a share of 0; negation is the complement")
    func unknownAndMissing() throws {
        #expect(try handles("aud.gender:male<=100%") == ["seventy", "sixtynine"])
        #expect(try handles("aud.country:US<=10%") == ["sixtynine"])
        #expect(try handles("aud.country:US>=0%") == ["seventy", "sixtynine"])
        #expect(try handles("-aud.gender:male>=70%") == ["sixtynine", "unknown"])
        #expect(try handles("aud.country:US<=50% aud.country:BR>=60%") == ["seventy", "sixtynine"])
    }
}
