import CreatorText
import Foundation
import Testing
@testable import CreatorEngine

@Suite("Search scoring and limits")
struct SearchScoringTests {
    /// How many creators hold `term` in a field, from the analysed profiles.
    func documentFrequency(_ term: String, _ fieldIndex: Int, _ fixture: SearchFixture) -> Int {
        fixture.fieldTerms.reduce(0) { $0 + ($1[fieldIndex][term] == nil ? 0 : 1) }
    }

    /// Lucene's IDF, times the field's weight.
    func weightedIDF(_ term: String, _ field: TextField, _ fieldIndex: Int, _ fixture: SearchFixture) -> Double {
        let count = Double(fixture.profiles.count), frequency = Double(documentFrequency(term, fieldIndex, fixture))
        return TextScoring().weight(of: field) * log(1 + (count - frequency + 0.5) / (frequency + 0.5))
    }

    /// BM25's term weight (k1 1.2, b 0.75) of `tf` occurrences in `document`'s field, against
    /// the field's average length over the analysed profiles.
    func saturation(_ tf: Double, _ document: Int, _ fieldIndex: Int, _ fixture: SearchFixture) -> Double {
        let averageLength = Double(fixture.fieldLengths.reduce(0) { $0 + Int($1[fieldIndex]) }) / Double(fixture.profiles.count)
        let norm = 1 - 0.75 + 0.75 * Double(fixture.fieldLengths[document][fieldIndex]) / averageLength
        return tf * 2.2 / (tf + 1.2 * norm)
    }

    /// BM25 computed from the analysed profiles alone (document frequencies counted, field
    /// lengths from the analysis), weighted by field and summed over fields and terms.
    func bruteForceText(_ terms: [String], _ document: Int, _ fixture: SearchFixture) -> Double {
        var total = 0.0
        for term in Set(terms) {
            for (fieldIndex, field) in TextField.allCases.enumerated() {
                guard let positions = fixture.fieldTerms[document][fieldIndex][term] else { continue }
                total += weightedIDF(term, field, fieldIndex, fixture) * saturation(Double(positions.count), document, fieldIndex, fixture)
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

    /// Two words that follow each other in some creator's captions or bio (each alone at
    /// its position), as the index analysed them; the first pair is one word twice in a row
    /// when some creator has one.
    func adjacentPairs(_ fixture: SearchFixture, analyzer: TextAnalyzer, count: Int, seed: UInt64) -> [(String, String)] {
        var random = SplitMixRandom(seed: seed)
        var pairs: [(String, String)] = [], seen = Set<String>()
        let repeated = fixture.fieldTerms.lazy.flatMap { $0 }.flatMap { terms in
            terms.filter { term, positions in
                positions.contains { positions.contains($0 + 1) } && analyzer.terms(term + " " + term) == [term, term]
            }.map(\.key).sorted()
        }.first
        if let repeated {
            pairs.append((repeated, repeated))
            seen.insert(repeated + " " + repeated)
        }
        let fields = [TextField.captions, .bio].compactMap { TextField.allCases.firstIndex(of: $0) }
        for _ in 0..<(count * 50) where pairs.count < count {
            let document = Int.random(in: 0..<fixture.profiles.count, using: &random)
            let terms = fixture.fieldTerms[document][fields[Int.random(in: 0..<fields.count, using: &random)]]
            var atPosition: [UInt32: [String]] = [:]
            for (term, positions) in terms { for position in positions { atPosition[position, default: []].append(term) } }
            guard let start = atPosition.keys.sorted().randomElement(using: &random),
                  let first = atPosition[start], first.count == 1,
                  let second = atPosition[start + 1], second.count == 1,
                  analyzer.terms(first[0] + " " + second[0]) == [first[0], second[0]],
                  seen.insert(first[0] + " " + second[0]).inserted else { continue }
            pairs.append((first[0], second[0]))
        }
        return pairs
    }

    @Test("a phrase scores BM25 of its occurrences weighted by its words' summed IDF, and its page is its best matches")
    func phraseBM25() throws {
        let fixture = try SearchFixture.generated.get()
        let analyzer = try TextAnalyzer()
        let pairs = adjacentPairs(fixture, analyzer: analyzer, count: 25, seed: 19)
        #expect(pairs.count == 25)
        #expect(pairs.first.map { $0.0 == $0.1 } == true, "the fixture has a word twice in a row")
        var compared = 0
        for (first, second) in pairs {
            // Brute force: per creator and field, the starts of `first` followed by `second`.
            var expected: [Int: Double] = [:]
            for (fieldIndex, field) in TextField.allCases.enumerated() {
                let weight = weightedIDF(first, field, fieldIndex, fixture) + weightedIDF(second, field, fieldIndex, fixture)
                for document in fixture.profiles.indices {
                    guard let starts = fixture.fieldTerms[document][fieldIndex][first],
                          let nexts = fixture.fieldTerms[document][fieldIndex][second] else { continue }
                    let following = Set(nexts)
                    let tf = Double(starts.filter { following.contains($0 + 1) }.count)
                    guard tf > 0 else { continue }
                    expected[document, default: 0] += weight * saturation(tf, document, fieldIndex, fixture)
                }
            }
            let query = "\"\(first) \(second)\" limit:1000"
            let response = try fixture.searcher.search(query)
            #expect(response.total == expected.count, "\(query)")
            for hit in response.hits {
                let textScore = hit.parts.filter { $0.kind == .text }.reduce(0) { $0 + $1.value }
                let wanted = expected[hit.document] ?? -1
                #expect(abs(textScore - wanted) <= 1e-9 * max(1, wanted), "\(query): doc \(hit.document) \(textScore) vs \(wanted)")
                compared += 1
            }
            // The hits are the best matches by text plus quality, best first.
            let best = expected.map { $0.value + fixture.searcher.quality.score(of: $0.key) }.sorted(by: >)
            let scores = response.hits.map(\.score)
            #expect(scores.count == min(1000, best.count))
            #expect(zip(scores, best).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, $1) }, "\(query): page is not the best matches")
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

@Suite("Lookalike and overlap queries")
struct SimilaritySearchTests {
    /// The matches of `like:` the creator `reference`, among the documents `included` keeps,
    /// ranked by hand: keyed as the searcher keys them (quality first), ties to the lower document.
    static func rankedMatches(of reference: Int, in fixture: SearchFixture, where included: (Int) -> Bool = { _ in true })
        -> [(key: Double, document: Int, similarity: Float)] {
        let vectors = fixture.index.lookalike
        var ranked: [(key: Double, document: Int, similarity: Float)] = []
        for document in 0..<vectors.documentCount where document != reference && included(document) {
            let similarity = vectors.scannedSimilarity(of: document, to: reference)
            guard similarity >= Float(LookalikeVectors.matchThreshold) else { continue }
            ranked.append((fixture.searcher.quality.score(of: document) + Searcher.similarityWeight * Double(similarity),
                           document, similarity))
        }
        return ranked.sorted { $0.key > $1.key || ($0.key == $1.key && $0.document < $1.document) }
    }

    @Test("a lone like: pages exactly as ranking every match by weighted similarity plus quality",
          arguments: [1, 7, 20, 200, 1000])
    func likePageIsTheBestOfAllMatches(limit: Int) throws {
        let fixture = try SearchFixture.generated.get()
        for reference in [3, 17, 101, 555, 1234] {
            let id = fixture.index.id(of: reference)
            let response = try fixture.searcher.search("like:\(id) limit:\(limit)")
            let ranked = Self.rankedMatches(of: reference, in: fixture)
            #expect(response.total == ranked.count, "like:\(id)")
            #expect(response.hits.map(\.document) == ranked.prefix(limit).map(\.document), "like:\(id) limit:\(limit)")
        }
    }

    /// With a narrow filter the like: tests the filter's creators one by one (and the plan
    /// that ranks reads the values that test found); with a broad one it scans every creator.
    /// Both must page, count and score exactly as ranking the filtered matches by hand.
    @Test("a like: inside an AND pages, counts and scores as ranking the filtered matches, narrow filter or broad",
          arguments: [Platform.twitch, .x, .instagram])
    func likeWithAFilter(platform: Platform) throws {
        let fixture = try SearchFixture.generated.get()
        for reference in [3, 17, 101, 555, 1234] {
            let id = fixture.index.id(of: reference)
            let response = try fixture.searcher.search("like:\(id) platform:\(platform.rawValue) limit:1000")
            let ranked = Self.rankedMatches(of: reference, in: fixture) { fixture.profiles[$0].platform == platform }
            #expect(response.total == ranked.count, "like:\(id) platform:\(platform)")
            #expect(response.hits.map(\.document) == ranked.map(\.document), "like:\(id) platform:\(platform)")
            for (hit, expected) in zip(response.hits, ranked) {
                let part = hit.parts.first { $0.kind == .similarity }?.value
                #expect(part == Searcher.similarityWeight * Double(expected.similarity), "like:\(id) platform:\(platform), document \(hit.document)")
            }
        }
    }

    /// Under an OR, creators that are not lookalikes are ranked too, and their similarity
    /// part is computed for them (a ranking batch mixes them with the scan's matches).
    @Test("a like: under an OR scores every hit by its own similarity, lookalike or not")
    func likeUnderAnOr() throws {
        let fixture = try SearchFixture.generated.get()
        let vectors = fixture.index.lookalike
        for reference in [3, 555] {
            let id = fixture.index.id(of: reference)
            let response = try fixture.searcher.search("like:\(id) OR platform:twitch limit:1000")
            let lookalikes = Set(Self.rankedMatches(of: reference, in: fixture).map(\.document))
            let twitch = Set(fixture.profiles.indices.filter { fixture.profiles[$0].platform == .twitch })
            #expect(response.total == lookalikes.union(twitch).count, "like:\(id) OR platform:twitch")
            #expect(response.hits.contains { !lookalikes.contains($0.document) }, "some hit is not a lookalike")
            func similarity(_ document: Int) -> Float {
                document == reference ? 0 : max(0, vectors.scannedSimilarity(of: document, to: reference))
            }
            for hit in response.hits {
                let part = hit.parts.first { $0.kind == .similarity }?.value ?? 0
                #expect(part == Searcher.similarityWeight * Double(similarity(hit.document)), "like:\(id) OR platform:twitch, document \(hit.document)")
            }
            // The page is the best of the union by quality plus weighted similarity.
            let ranked = lookalikes.union(twitch)
                .map { (key: fixture.searcher.quality.score(of: $0) + Searcher.similarityWeight * Double(similarity($0)), document: $0) }
                .sorted { $0.key > $1.key || ($0.key == $1.key && $0.document < $1.document) }
            #expect(response.hits.map(\.document) == ranked.prefix(1000).map(\.document), "like:\(id) OR platform:twitch")
        }
    }

    @Test("like: ranks by similarity and excludes the named creator; an unknown creator is an error with its column")
    func like() throws {
        let fixture = try SearchFixture.generated.get()
        let reference = 17
        let id = fixture.index.id(of: reference)
        let response = try fixture.searcher.search("like:\(id) limit:50")
        #expect(!response.hits.isEmpty)
        #expect(!response.hits.contains { $0.document == reference })
        let similarities = response.hits.map { fixture.index.lookalike.similarity($0.document, reference) }
        #expect(similarities.allSatisfy { $0 >= LookalikeVectors.matchThreshold - 1e-6 })
        // The similarity part dominates: hits come in (nearly) descending similarity.
        for (hit, similarity) in zip(response.hits, similarities) {
            let part = hit.parts.first { $0.kind == .similarity }?.value ?? 0
            #expect(abs(part - Searcher.similarityWeight * similarity) < 1e-5) // the scan computes in Float
        }

        #expect(throws: QueryError.self) { try fixture.searcher.search("country:US like:@nobody_here") }
        do {
            _ = try fixture.searcher.search("country:US like:@nobody_here")
        } catch {
            #expect(error.kind == .unknownCreator)
            #expect(error.column == 12)
            #expect(error.description.contains("no creator @nobody_here in the index"))
        }
    }

    @Test("overlap: keeps creators whose estimated shared audience passes the bound")
    func overlap() throws {
        let fixture = try SearchFixture.generated.get()
        let withSample = try #require((0..<fixture.index.documentCount).first { fixture.index.overlap.hasSample($0) })
        let id = fixture.index.id(of: withSample)
        let low = try fixture.searcher.search("overlap:\(id)<=5% limit:1000")
        let high = try fixture.searcher.search("overlap:\(id)>5% limit:1000")
        let known = (0..<fixture.index.documentCount).filter {
            $0 != withSample && fixture.index.overlap.share(of: $0, sharedWith: withSample) != nil
        }
        #expect(low.total + high.total == known.count)
        for hit in high.hits { #expect((fixture.index.overlap.share(of: hit.document, sharedWith: withSample) ?? 0) > 0.05) }
    }
}
