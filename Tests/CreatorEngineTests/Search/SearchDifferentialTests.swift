import CreatorText
import Testing
@testable import CreatorEngine

/// Hundreds of random queries run through the index and through a brute-force scan of the
/// same profiles: the totals and the sets of ids must agree exactly, and field orders must
/// list the same creators in the same order.
@Suite("Search agrees with a brute-force scan")
struct SearchDifferentialTests {
    @Test("random filter, text, negation, OR and audience queries", arguments: [1, 2, 3] as [UInt64])
    func randomQueries(seed: UInt64) throws {
        let fixture = try SearchFixture.generated.get()
        let reference = BruteForceSearch(fixture: fixture, analyzer: try TextAnalyzer())
        var queries = RandomQueries(fixture: fixture, seed: seed)
        var nonEmpty = 0, partial = 0
        for _ in 0..<150 {
            let tree = queries.tree()
            let text = tree.queryText + " limit:1000"
            let parsed = try QueryParser().parse(text)
            let response = try fixture.searcher.search(text)
            let expected = reference.matchingDocuments(parsed.root)
            #expect(response.total == expected.count, "total for \(text)")
            let found = Set(response.hits.map(\.document))
            if expected.count <= 1000 {
                #expect(found == Set(expected), "documents for \(text)")
            } else {
                #expect(found.isSubset(of: Set(expected)) && found.count == 1000, "page for \(text)")
            }
            let scores = response.hits.map(\.score)
            #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 }, "best first for \(text)")
            if !expected.isEmpty { nonEmpty += 1 }
            if expected.count < fixture.index.documentCount / 2 && !expected.isEmpty { partial += 1 }
        }
        // The generator must exercise real selections, not only empty or full results.
        #expect(nonEmpty > 60 && partial > 30, "\(nonEmpty) non-empty, \(partial) selective")
    }

    @Test("sort by a field lists the same creators in the same order as sorting the matches")
    func fieldOrder() throws {
        let fixture = try SearchFixture.generated.get()
        let reference = BruteForceSearch(fixture: fixture, analyzer: try TextAnalyzer())
        var queries = RandomQueries(fixture: fixture, seed: 99)
        for round in 0..<60 {
            let field = NumericField.allCases[round % NumericField.allCases.count]
            let descending = round % 2 == 0
            let text = queries.leaf().queryText + " sort:\(descending ? "-" : "")\(field.rawValue) limit:25 offset:\(round % 3 * 5)"
            let parsed = try QueryParser().parse(text)
            let response = try fixture.searcher.search(text)
            let values = fixture.index.column(field.column)
            // Unknown values last; ties by document.
            let expected = reference.matchingDocuments(parsed.root).sorted { a, b in
                let x = values[a], y = values[b]
                let keyA = x.isNaN ? -Double.infinity : (descending ? x : -x)
                let keyB = y.isNaN ? -Double.infinity : (descending ? y : -y)
                return keyA > keyB || (keyA == keyB && a < b)
            }
            let page = Array(expected.dropFirst(parsed.offset).prefix(parsed.limit))
            #expect(response.hits.map(\.document) == page, "order for \(text)")
        }
    }
}
