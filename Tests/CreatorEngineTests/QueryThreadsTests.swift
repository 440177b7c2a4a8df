import Testing
@testable import CreatorEngine

@Suite("Threads of one query's passes")
struct QueryThreadsTests {
    @Test("one thread per core up to four, lowered by CREATORS_QUERY_THREADS, never below one")
    func limit() {
        #expect(QueryThreads.limit(environment: nil, cores: 2) == 2)
        #expect(QueryThreads.limit(environment: nil, cores: 16) == 4)
        #expect(QueryThreads.limit(environment: nil, cores: 0) == 1)
        #expect(QueryThreads.limit(environment: "1", cores: 2) == 1)
        #expect(QueryThreads.limit(environment: "3", cores: 8) == 3)
        #expect(QueryThreads.limit(environment: "9", cores: 2) == 2)
        for ignored in ["0", "-2", "two", ""] { #expect(QueryThreads.limit(environment: ignored, cores: 2) == 2, "\(ignored)") }
    }

    @Test("parts run on their own threads come back in part order")
    func mapKeepsOrder() {
        for parts in 1...6 {
            #expect(QueryThreads.map(parts: parts) { $0 * $0 } == (0..<parts).map { $0 * $0 })
        }
    }
}
