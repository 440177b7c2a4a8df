import CreatorText
import Foundation
import Testing
@testable import CreatorEngine

@Suite("Search scoring and limits")
struct SearchScoringTests {
    /// BM25 computed from the analysed profiles alone (document frequencies counted, field
    /// lengths from the analysis), weighted by field and summed over fields and terms.
    func bruteForceText(_ terms: [String], _ document: Int, _ fixture: SearchFixture) -> Double {
        let scoring = TextScoring()
        let count = fixture.profiles.count
        var total = 0.0
        for term in Set(terms) {
            for (fieldIndex, field) in TextField.allCases.enumerated() {
                guard let positions = fixture.fieldTerms[document][fieldIndex][term] else { continue }
                let frequency = fixture.fieldTerms.reduce(0) { $0 + ($1[fieldIndex][term] == nil ? 0 : 1) }
                let averageLength = Double(fixture.fieldLengths.reduce(0) { $0 + Int($1[fieldIndex]) }) / Double(count)
                let idf = log(1 + (Double(count) - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
                let tf = Double(positions.count), length = Double(fixture.fieldLengths[document][fieldIndex])
                let norm = 1 - 0.75 + 0.75 * length / averageLength
                total += scoring.weight(of: field) * idf * tf * 2.2 / (tf + 1.2 * norm)
            }
        }
        return total
    }

    @Test("text scores equal BM25 computed by brute force, and hits are ordered by them")
    func bm25() throws {
        let fixture = try SearchFixture.generated.get()
        let analyzer = try TextAnalyzer()
        var queries = RandomQueries(fixture: fixture, seed: 7)
        var compared = 0
        for _ in 0..<40 {
            let words = [queries.random.pick(queries.words), queries.random.pick(queries.words)]
            let text = words.joined(separator: " OR ")
            let response = try fixture.searcher.search(text + " limit:50")
            let terms = words.flatMap { analyzer.terms($0) }
            for hit in response.hits {
                let textScore = hit.parts.filter { $0.kind == .text }.reduce(0) { $0 + $1.value }
                let expected = bruteForceText(terms, hit.document, fixture)
                #expect(abs(textScore - expected) <= 1e-9 * max(1, expected), "\(text): doc \(hit.document) \(textScore) vs \(expected)")
                let quality = fixture.searcher.quality.score(of: hit.document)
                #expect(abs(hit.score - (expected + quality)) <= 1e-9 * max(1, expected))
                compared += 1
            }
            // The page is the best of all matches: no match outside it scores higher.
            if response.total > response.hits.count, let last = response.hits.last {
                let all = try fixture.searcher.search(text + " limit:1000")
                #expect(all.hits.dropFirst(response.hits.count).allSatisfy { $0.score <= last.score + 1e-9 })
            }
        }
        #expect(compared > 100)
    }

    @Test("without text the order is the quality score, best first")
    func qualityOrder() throws {
        let fixture = try SearchFixture.generated.get()
        let response = try fixture.searcher.search("limit:200")
        #expect(response.total == fixture.index.documentCount)
        let qualities = response.hits.map { fixture.searcher.quality.score(of: $0.document) }
        #expect(zip(qualities, qualities.dropFirst()).allSatisfy { $0 >= $1 })
        let best = (0..<fixture.index.documentCount).map { fixture.searcher.quality.score(of: $0) }.max()
        #expect(qualities.first == best)
    }

    @Test("a search past its time limit stops with a timeLimit error")
    func timeLimit() throws {
        let fixture = try SearchFixture.generated.get()
        let hurried = Searcher(index: fixture.index, timeLimit: .zero)
        #expect(throws: QueryError.self) { try hurried.search("limit:5") }
        do {
            _ = try hurried.search("limit:5")
        } catch {
            #expect(error.kind == .timeLimit)
            #expect(error.description.contains("ran longer than"))
        }
    }
}
