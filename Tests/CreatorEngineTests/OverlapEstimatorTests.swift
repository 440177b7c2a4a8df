import Testing
@testable import CreatorEngine

@Suite("Audience overlap estimates")
struct OverlapEstimatorTests {
    @Test("estimates follow the exact containment of the raw samples")
    func againstExactContainment() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let overlap = corpus.index.overlap
        let profiles = corpus.profiles
        var pairs: [(Int, Int)] = corpus.twinOf.map { ($0.key, $0.value) }
        // Creators of the same niche and country draw from one follower pool.
        var byPool: [String: [Int]] = [:]
        for (document, profile) in profiles.enumerated() {
            guard let niche = profile.categories.first, let country = profile.country else { continue }
            byPool[niche + "/" + country, default: []].append(document)
        }
        for members in byPool.values where members.count >= 2 {
            for (a, b) in zip(members, members.dropFirst()).prefix(20) { pairs += [(a, b), (b, a)] }
        }
        var generator = SplitMixRandom(seed: 3)
        for _ in 0..<2000 { pairs.append((Int(generator.next() % UInt64(profiles.count)), Int(generator.next() % UInt64(profiles.count)))) }

        var errors: [Double] = [], overlapping: [Double] = []
        for (a, b) in pairs where a != b {
            let exact = corpus.exactContainment(of: a, in: b)
            let estimate = overlap.share(of: a, sharedWith: b)
            #expect((exact == nil) == (estimate == nil))
            guard let exact, let estimate else { continue }
            errors.append(abs(estimate - exact))
            if exact >= 0.2 { overlapping.append(estimate - exact) }
        }
        errors.sort()
        let meanError = errors.reduce(0, +) / Double(errors.count)
        let meanBias = overlapping.reduce(0, +) / Double(max(1, overlapping.count))
        print("overlap: \(errors.count) pairs, mean |error| \(meanError), 95th percentile \(errors[errors.count * 95 / 100]), max \(errors.last ?? 0); \(overlapping.count) pairs with ≥ 20% overlap, mean bias \(meanBias)")
        #expect(errors.count > 500 && overlapping.count > 50)
        #expect(meanError < 0.03)
        #expect(errors[errors.count * 95 / 100] < 0.12)
        #expect(abs(meanBias) < 0.05)
    }

    @Test("twins share most of their audience, unrelated creators almost none")
    func twinsAndStrangers() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let overlap = corpus.index.overlap
        let twinShares = corpus.twinOf.compactMap { overlap.share(of: $0.key, sharedWith: $0.value) }
        #expect(twinShares.count > 20)
        #expect(twinShares.filter { $0 >= 0.5 }.count >= twinShares.count * 9 / 10)
        var strangers: [Double] = []
        for a in stride(from: 0, to: corpus.profiles.count, by: 37) {
            for b in stride(from: 1, to: corpus.profiles.count, by: 41) where corpus.profiles[a].country != corpus.profiles[b].country {
                if let share = overlap.share(of: a, sharedWith: b) { strangers.append(share) }
            }
        }
        #expect(strangers.count > 500)
        #expect(strangers.filter { $0 > 0.1 }.count <= strangers.count / 100)
    }

    @Test("the full scan equals the per-pair estimates, NaN where unknown")
    func scanEqualsPairs() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let overlap = corpus.index.overlap
        var shares: [Float] = []
        var referencesWithSample = 0, referencesWithout = 0
        for reference in stride(from: 0, to: overlap.documentCount, by: 53) {
            overlap.shares(sharedWith: reference, into: &shares)
            #expect(shares.count == overlap.documentCount)
            if overlap.hasSample(reference) { referencesWithSample += 1 } else { referencesWithout += 1 }
            for document in 0..<overlap.documentCount {
                let pair = overlap.share(of: document, sharedWith: reference)
                if let pair {
                    if Float(pair) != shares[document] {
                        Issue.record("reference \(reference), document \(document): scan \(shares[document]), pair \(pair)")
                    }
                } else if !shares[document].isNaN {
                    Issue.record("reference \(reference), document \(document): scan \(shares[document]), pair unknown")
                }
            }
        }
        #expect(referencesWithSample > 10 && referencesWithout > 3)
    }

    @Test("a creator without a sample has no estimate either way")
    func unknownWithoutSample() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let overlap = corpus.index.overlap
        let without = try #require((0..<overlap.documentCount).first { !overlap.hasSample($0) })
        let with = try #require((0..<overlap.documentCount).first { overlap.hasSample($0) })
        #expect(corpus.profiles[without].audience?.sample.isEmpty ?? true)
        #expect(overlap.share(of: without, sharedWith: with) == nil)
        #expect(overlap.share(of: with, sharedWith: without) == nil)
        #expect(overlap.share(of: with, sharedWith: with) == 1)
    }
}
