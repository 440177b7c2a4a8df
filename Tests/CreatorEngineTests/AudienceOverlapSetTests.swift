import Foundation
import Testing
@testable import CreatorEngine

@Suite("Audience overlap of a set")
struct AudienceOverlapSetTests {
    /// Sets of 2–8 creators with a sample, drawn so that many members share followers:
    /// twins, creators of one niche and country (one follower pool), and random others.
    static func sets(_ corpus: SimilarityCorpus, count: Int, seed: UInt64) -> [[Int]] {
        var byPool: [String: [Int]] = [:]
        for (document, profile) in corpus.profiles.enumerated() where corpus.index.overlap.hasSample(document) {
            guard let niche = profile.categories.first, let country = profile.country else { continue }
            byPool[niche + "/" + country, default: []].append(document)
        }
        let pools = byPool.values.filter { $0.count >= 3 }.sorted { $0[0] < $1[0] }
        let sampled = (0..<corpus.index.documentCount).filter { corpus.index.overlap.hasSample($0) }
        var random = SplitMixRandom(seed: seed)
        func pick(_ list: [Int]) -> Int { list[Int(random.next() % UInt64(list.count))] }
        var sets: [[Int]] = []
        for _ in 0..<count {
            let size = 2 + Int(random.next() % 7)
            var set: [Int] = []
            let pool = pools.isEmpty ? sampled : pools[Int(random.next() % UInt64(pools.count))]
            while set.count < size {
                let candidate = random.next() % 4 == 0 ? pick(sampled) : pick(pool)
                if !set.contains(candidate) { set.append(candidate) }
                if let twin = corpus.twinOf[candidate], corpus.index.overlap.hasSample(twin), set.count < size, !set.contains(twin) { set.append(twin) }
            }
            sets.append(set)
        }
        return sets
    }

    @Test("unique shares and the union follow the exact sets of the raw samples")
    func againstExactSamples() throws {
        let corpus = try SimilarityCorpus.shared.get()
        var shareErrors: [Double] = [], unionErrors: [Double] = [], overlappingMembers = 0
        for documents in Self.sets(corpus, count: 300, seed: 11) {
            let set = AudienceOverlapSet(index: corpus.index, documents: documents)
            let samples = documents.map { Set(corpus.profiles[$0].audience?.sample ?? []) }
            for (position, member) in set.members.enumerated() {
                let others = samples.enumerated().filter { $0.offset != position }.reduce(into: Set<UInt64>()) { $0.formUnion($1.element) }
                let exactUnique = Double(samples[position].subtracting(others).count) / Double(samples[position].count)
                let estimate = try #require(member.uniqueShare)
                shareErrors.append(abs(estimate - exactUnique))
                if exactUnique <= 0.8 { overlappingMembers += 1 }
            }
            let exactUnion = Double(samples.reduce(into: Set<UInt64>()) { $0.formUnion($1) }.count)
            unionErrors.append(abs(set.sampleUnionSize - exactUnion) / exactUnion)
        }
        shareErrors.sort()
        unionErrors.sort()
        let meanShare = shareErrors.reduce(0, +) / Double(shareErrors.count)
        let meanUnion = unionErrors.reduce(0, +) / Double(unionErrors.count)
        print("overlap set: \(shareErrors.count) members (\(overlappingMembers) with ≥ 20% overlap): unique share mean |error| \(meanShare), p95 \(shareErrors[shareErrors.count * 95 / 100]), max \(shareErrors.last ?? 0); union size mean relative error \(meanUnion), p95 \(unionErrors[unionErrors.count * 95 / 100])")
        #expect(overlappingMembers > 100)
        #expect(meanShare < 0.05)
        #expect(shareErrors[shareErrors.count * 95 / 100] < 0.15)
        #expect(meanUnion < 0.05)
        #expect(unionErrors[unionErrors.count * 95 / 100] < 0.12)
    }

    @Test("the matrix is the pairwise estimator, a pair's unique shares are 1 − its cells")
    func matrixAndPairs() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let overlap = corpus.index.overlap
        for documents in Self.sets(corpus, count: 40, seed: 5) {
            let set = AudienceOverlapSet(index: corpus.index, documents: documents)
            var largest: Double?
            for (a, row) in set.matrix.enumerated() {
                for (b, cell) in row.enumerated() {
                    let expected = a == b ? nil : overlap.share(of: documents[a], sharedWith: documents[b])
                    #expect(cell == expected)
                    if let cell, a != b { largest = max(largest ?? 0, cell) }
                }
            }
            #expect(set.maxPairwiseOverlap == largest)
            let pair = AudienceOverlapSet(index: corpus.index, documents: Array(documents.prefix(2)))
            let forward = try #require(pair.matrix[0][1]), backward = try #require(pair.matrix[1][0])
            #expect(abs(try #require(pair.members[0].uniqueShare) - (1 - forward)) < 1e-12)
            #expect(abs(try #require(pair.members[1].uniqueShare) - (1 - backward)) < 1e-12)
            let followers = documents.map { corpus.index.column(.followers)[$0] }
            #expect(set.totalReach == followers.reduce(0, +))
            #expect(set.uniqueReach <= set.totalReach + 1e-6)
            #expect(set.uniqueReach >= (followers.max() ?? 0) - 1e-6)
        }
    }

    @Test("a creator without a sample has unknown shares and counts whole; repeats count once")
    func unsampledAndRepeats() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let overlap = corpus.index.overlap
        let without = try #require((0..<overlap.documentCount).first { !overlap.hasSample($0) })
        let with = try #require((0..<overlap.documentCount).filter { overlap.hasSample($0) }.prefix(2).map { $0 } as [Int]?)
        let set = AudienceOverlapSet(index: corpus.index, documents: [with[0], without, with[1], with[0]])
        #expect(set.members.map(\.document) == [with[0], without, with[1]])
        #expect(set.members[1].sampled == false && set.members[1].uniqueShare == nil && set.members[1].overlappingShare == nil)
        #expect(set.matrix[1].allSatisfy { $0 == nil } && set.matrix[0][1] == nil)
        let sampledOnly = AudienceOverlapSet(index: corpus.index, documents: [with[0], with[1]])
        let followers = corpus.index.column(.followers)[without]
        #expect(abs(set.uniqueReach - (sampledOnly.uniqueReach + followers)) < 1e-6)
    }

    @Test("the OVERLAP document has the documented shape")
    func documentShape() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let documents = Self.sets(corpus, count: 1, seed: 2)[0]
        let set = AudienceOverlapSet(index: corpus.index, documents: documents)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(set.json)) as? [String: Any])
        #expect(Set(object.keys) == ["creators", "total_reach", "unique_reach", "unique_reach_share", "max_pairwise_overlap", "members", "matrix"])
        #expect(object["creators"] as? Int == documents.count)
        #expect(object["total_reach"] as? Int == Int(set.totalReach.rounded()))
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.map { $0["id"] as? String } == documents.map { corpus.index.id(of: $0) })
        for member in members {
            let unique = try #require(member["unique_share"] as? Double), overlapping = try #require(member["overlapping_share"] as? Double)
            #expect(abs(unique + overlapping - 1) < 2e-4)
        }
        let matrix = try #require(object["matrix"] as? [[Any]])
        #expect(matrix.count == documents.count && matrix.allSatisfy { $0.count == documents.count })
        #expect(matrix[0][0] is NSNull)
    }
}
