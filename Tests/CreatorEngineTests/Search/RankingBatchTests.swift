import CreatorText
import Testing
@testable import CreatorEngine

/// A ranking scores its matches a batch at a time: the batch keeps them in the order they
/// came, and a term's batch scores are exactly the scores it gives one document at a time.
@Suite("Ranking batches")
struct RankingBatchTests {
    @Test("matches leave once, in order, the newest held back while prefetching",
          arguments: [1, 15, 16, 17, 63, 64, 65, 200, 1000] as [Int])
    func order(count: Int) {
        var random = SplitMixRandom(seed: UInt64(count))
        let matches = (0..<count).map { _ in UInt32.random(in: 0..<1_000_000, using: &random) }
        // Sparse matches (prefetched, so some held back) and dense ones.
        for (documents, prefetches) in [(1_000_000, true), (count * 2, false)] {
            let batch = RankingBatch(matches: count, of: documents)
            #expect(batch.prefetches == prefetches)
            var out: [UInt32] = []
            for (taken, match) in matches.enumerated() {
                let full = batch.append(match)
                #expect(full == (batch.documents.count == RankingBatch.capacity))
                if full {
                    let due = batch.dueCount(last: false)
                    out += Array(batch.documents[0..<due])
                    batch.removeFirst(due)
                    // While prefetching, the newest `heldBack` matches wait for the next batch.
                    #expect(out.count == taken + 1 - (prefetches ? RankingBatch.heldBack : 0))
                }
                #expect(batch.documents.count <= RankingBatch.capacity)
                #expect(out.count + batch.documents.count == taken + 1)
            }
            out += Array(batch.documents[0..<batch.dueCount(last: true)])
            #expect(out == matches)
        }
    }

    @Test("sparse, and prefetched, means under one match in sixteen documents")
    func sparseShare() {
        #expect(RankingBatch(matches: 62, of: 1000).prefetches)
        #expect(!RankingBatch(matches: 63, of: 1000).prefetches)
        #expect(!RankingBatch(matches: 0, of: 0).prefetches)
        #expect(!RankingBatch(matches: .max, of: 1000).prefetches)
    }

    /// Scores every creator in ascending order (holders and not), in batches of random sizes
    /// up to the capacity as a ranking asks, through `batched.scores(of:into:)`, and expects
    /// each to be `single.score`'s bit for bit; how many scores were above zero.
    private func compareBatches(_ batched: DocumentMatcher, with single: DocumentMatcher, documentCount: Int,
                                random: inout SplitMixRandom, label: String) -> Int {
        var start = 0, positive = 0
        while start < documentCount {
            let size = min(Int.random(in: 1...RankingBatch.capacity, using: &random), documentCount - start)
            let documents = (start..<(start + size)).map(UInt32.init)
            var scores = [Double](repeating: .nan, count: size)
            documents.withUnsafeBufferPointer { documents in
                scores.withUnsafeMutableBufferPointer { batched.scores(of: documents, into: $0) }
            }
            for (document, score) in zip(documents, scores) {
                #expect(score.bitPattern == single.score(document).bitPattern, "\(label) at \(document)")
                if score > 0 { positive += 1 }
            }
            start += size
        }
        return positive
    }

    @Test("a term's scores of a batch equal its scores one document at a time, bit for bit")
    func termScores() throws {
        let fixture = try SearchFixture.generated.get()
        let index = fixture.index, scoring = TextScoring(), analyzer = try TextAnalyzer()
        var queries = RandomQueries(fixture: fixture, seed: 11)
        var compared = 0
        for _ in 0..<30 {
            let word = queries.random.pick(queries.words)
            guard let term = analyzer.terms(word).first else { continue }
            let fields = FieldTerm.lookUp(term, in: index, scoring: scoring)
            guard !fields.isEmpty else { continue }
            func matcher() -> TermMatcher {
                TermMatcher(term: term, fields: fields, cache: PostingsCache(), bm25: scoring.bm25, documentCount: index.documentCount)
            }
            compared += compareBatches(matcher(), with: matcher(), documentCount: index.documentCount,
                                       random: &queries.random, label: term)
        }
        #expect(compared > 100)
    }

    @Test("a phrase's scores of a batch, read from its record of every occurrence, equal its scores found one document at a time, bit for bit")
    func phraseScores() throws {
        let fixture = try SearchFixture.generated.get()
        let index = fixture.index, scoring = TextScoring(), analyzer = try TextAnalyzer()
        // Common caption phrases, and the commonest word pairs of bios (some also in captions:
        // a phrase in two fields sums both).
        var bioPairs: [String: Int] = [:]
        for profile in fixture.profiles {
            let words = (profile.bio ?? "").split(separator: " ").filter { $0.count > 1 && $0.allSatisfy(\.isLetter) }
            for start in words.indices.dropLast() { bioPairs[words[start] + " " + words[start + 1], default: 0] += 1 }
        }
        let phrases = SetExecutionTests.commonCaptionPhrases(of: fixture).prefix(12)
            + bioPairs.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(12).map(\.key)
        var random = SplitMixRandom(seed: 12)
        var compared = 0, inSeveralFields = 0
        for phrase in phrases {
            let analysed = analyzer.analyze(phrase)
            let first = analysed.map(\.position).min() ?? 0
            let terms = analysed.map { term in
                (fields: FieldTerm.lookUp(term.text, in: index, scoring: scoring), offset: UInt32(term.position - first))
            }
            let shared = terms.reduce(Set(TextField.allCases)) { $0.intersection($1.fields.map(\.field)) }
            if shared.count > 1 { inSeveralFields += 1 }
            // Each with a cache of its own: the record of occurrences is kept per cache.
            func matcher(_ evaluation: PhraseEvaluation) -> PhraseMatcher {
                PhraseMatcher(text: phrase, terms: terms, cache: PostingsCache(), bm25: scoring.bm25,
                              documentCount: index.documentCount, evaluation: evaluation)
            }
            let batched = matcher(.allAtOnce), single = matcher(.perDocument)
            #expect(batched.findAllOccurrences(), "\(phrase): no record")
            compared += compareBatches(batched, with: single, documentCount: index.documentCount, random: &random, label: phrase)
        }
        #expect(compared > 100)
        #expect(inSeveralFields > 0, "no phrase whose words share two fields")
    }
}
