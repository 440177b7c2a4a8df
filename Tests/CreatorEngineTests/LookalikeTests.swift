import CSimilarity
import Foundation
import Testing
@testable import CreatorEngine

@Suite("Lookalike vectors")
struct LookalikeTests {
    func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

    @Test("every stored vector is quantised over the whole int8 range and is its own best match")
    func storedVectors() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let vectors = corpus.index.lookalike
        #expect(vectors.documentCount == corpus.index.documentCount)
        for document in 0..<vectors.documentCount {
            let vector = vectors.vector(of: document)
            #expect(vector.map { abs(Int($0)) }.max() == 127, "document \(document) does not use the int8 range")
            #expect(!vector.contains(-128))
            #expect(vectors.inverseNorms[document] > 0 && vectors.inverseNorms[document].isFinite)
            #expect(abs(vectors.similarity(document, document) - 1) < 1e-6)
        }
    }

    @Test("float vectors are unit length and each block weighs its share of the present blocks")
    func blockWeights() throws {
        let corpus = try SimilarityCorpus.shared.get()
        var random = SystemRandomNumberGenerator()
        for profile in corpus.profiles.prefix(300) {
            let features = LookalikeFeatures(profile: profile, categories: profile.categories)
            let hasContent = Bool.random(using: &random)
            let content = (0..<LookalikeBuilder.contentDimensions).map { _ in hasContent ? Float.random(in: -3...3) : 0 }
            let vector = content.withUnsafeBufferPointer { content in
                features.values.withUnsafeBufferPointer { LookalikeBuilder.vector(contentSums: content, features: $0) }
            }
            let norm = vector.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
            var present: [LookalikeLayout.Block: Double] = [:]
            for block in LookalikeLayout.Block.allCases {
                let squared = block.dimensions.reduce(0.0) { $0 + Double(vector[$1]) * Double(vector[$1]) }
                if squared > 1e-9 { present[block] = squared }
            }
            // Followers are always known, so the scale block always is.
            #expect(present[.scale] != nil)
            #expect((present[.content] != nil) == hasContent)
            let totalWeight = present.keys.reduce(0) { $0 + $1.weight }
            for (block, squared) in present {
                #expect(abs(squared - block.weight / totalWeight) < 2e-3, "\(block): \(squared) against \(block.weight / totalWeight)")
            }
        }
    }

    @Test("the 32 taxonomy slugs are unit vectors at most 1/4 apart in cosine")
    func topicAxes() {
        let vectors = LookalikeEncoding.taxonomy.map(LookalikeEncoding.slugVector)
        for (i, a) in vectors.enumerated() {
            #expect(abs(zip(a, a).reduce(0) { $0 + $1.0 * $1.1 } - 1) < 1e-6)
            for b in vectors[(i + 1)...] {
                #expect(abs(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }) <= 0.25 + 1e-6)
            }
        }
    }

    @Test("angle blocks: closer ages, genders and sizes are more similar")
    func angleBlocks() throws {
        func cosine(_ a: [Float]?, _ b: [Float]?) throws -> Float {
            let a = try #require(a), b = try #require(b)
            return zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let young = Distribution(["13-17": 0.3, "18-24": 0.6, "25-34": 0.1])
        let adult = Distribution(["18-24": 0.2, "25-34": 0.6, "35-44": 0.2])
        let old = Distribution(["45-64": 0.6, "65+": 0.4])
        #expect(try cosine(LookalikeEncoding.age(young), LookalikeEncoding.age(adult)) > cosine(LookalikeEncoding.age(young), LookalikeEncoding.age(old)))
        let female = Distribution(["female": 0.8, "male": 0.2]), even = Distribution(["female": 0.5, "male": 0.5])
        let male = Distribution(["female": 0.1, "male": 0.9])
        #expect(try cosine(LookalikeEncoding.gender(female), LookalikeEncoding.gender(even)) > cosine(LookalikeEncoding.gender(female), LookalikeEncoding.gender(male)))
        let scales = [1_000, 10_000, 100_000, 10_000_000].map { LookalikeEncoding.scale(followers: Int64($0)) }
        #expect(try cosine(scales[0], scales[1]) > cosine(scales[0], scales[2]))
        #expect(try cosine(scales[0], scales[2]) > cosine(scales[0], scales[3]))
        #expect(try abs(cosine(scales[1], scales[2]) - Float(cos(Double.pi / 6))) < 1e-5)
    }

    @Test("creators of the same niche and market are closer than unrelated ones; twins closest")
    func similarCreatorsAreCloser() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let vectors = corpus.index.lookalike
        let profiles = corpus.profiles
        // Pairs within each (main niche, country) group, within each main niche, and random
        // pairs of creators with another niche, another country and no language in common.
        var byNiche: [String: [Int]] = [:], byNicheAndCountry: [String: [Int]] = [:]
        for (document, profile) in profiles.enumerated() {
            guard let niche = profile.categories.first, let country = profile.country else { continue }
            byNiche[niche, default: []].append(document)
            byNicheAndCountry[niche + "/" + country, default: []].append(document)
        }
        func pairs(_ groups: [String: [Int]]) -> [Double] {
            groups.values.flatMap { members in zip(members, members.dropFirst()).map { vectors.similarity($0.0, $0.1) } }
        }
        let sameNicheAndCountry = pairs(byNicheAndCountry), sameNiche = pairs(byNiche)
        var unrelated: [Double] = []
        var generator = SplitMixRandom(seed: 5)
        while unrelated.count < 20_000 {
            let a = Int(generator.next() % UInt64(profiles.count)), b = Int(generator.next() % UInt64(profiles.count))
            guard let nicheA = profiles[a].categories.first, let nicheB = profiles[b].categories.first, nicheA != nicheB,
                  let countryA = profiles[a].country, let countryB = profiles[b].country, countryA != countryB,
                  !profiles[a].languages.contains(where: profiles[b].languages.contains) else { continue }
            unrelated.append(vectors.similarity(a, b))
        }
        let twins = corpus.twinOf.map { vectors.similarity($0.key, $0.value) }
        print("lookalike: twins \(mean(twins)) (n \(twins.count)), same niche+country \(mean(sameNicheAndCountry)) (n \(sameNicheAndCountry.count)), same niche \(mean(sameNiche)), unrelated \(mean(unrelated)) (n \(unrelated.count))")
        print("  share ≥ threshold: twins \(share(twins)), same niche+country \(share(sameNicheAndCountry)), same niche \(share(sameNiche)), unrelated \(share(unrelated))")
        #expect(sameNicheAndCountry.count > 100 && unrelated.count > 1000 && twins.count > 50)
        #expect(mean(sameNicheAndCountry) > mean(sameNiche) + 0.05)
        #expect(mean(sameNiche) > mean(unrelated) + 0.1)
        #expect(mean(twins) > mean(sameNicheAndCountry))
        #expect(share(twins) > 0.6)
        #expect(share(sameNicheAndCountry) > 0.3)
        #expect(share(unrelated) < 0.01)

        // A twin ranks among the nearest of its twin.
        var ranks: [Int] = []
        var scores: [Float] = []
        for (document, twin) in corpus.twinOf.prefix(60) {
            vectors.similarities(to: document, into: &scores)
            ranks.append(scores.enumerated().filter { $0.offset != document && $0.element > scores[twin] }.count)
        }
        ranks.sort()
        print("  twin rank: median \(ranks[ranks.count / 2]), 90th percentile \(ranks[ranks.count * 9 / 10]) of \(profiles.count)")
        #expect(ranks[ranks.count / 2] < profiles.count / 100)
    }

    func share(_ values: [Double]) -> Double {
        Double(values.filter { $0 >= LookalikeVectors.matchThreshold }.count) / Double(max(1, values.count))
    }

    @Test("int8 cosines stay within the stated bound of the float cosines")
    func quantisationError() throws {
        let corpus = try SimilarityCorpus.shared.get()
        var generator = SplitMixRandom(seed: 11)
        let floats: [[Float]] = corpus.profiles.prefix(400).map { profile in
            let features = LookalikeFeatures(profile: profile, categories: profile.categories)
            let content = (0..<LookalikeBuilder.contentDimensions).map { _ in Float(generator.unit() * 2 - 1) }
            return content.withUnsafeBufferPointer { content in
                features.values.withUnsafeBufferPointer { LookalikeBuilder.vector(contentSums: content, features: $0) }
            }
        }
        let quantised = floats.map(LookalikeQuantizer.quantize)
        var errors: [Double] = []
        for i in 0..<floats.count {
            for j in (i + 1)..<floats.count {
                let exact = zip(floats[i], floats[j]).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                let dot = zip(quantised[i].values, quantised[j].values).reduce(0) { $0 + Int32($1.0) * Int32($1.1) }
                let approximate = Double(Float(dot) * quantised[j].inverseNorm * quantised[i].inverseNorm)
                let error = abs(approximate - exact)
                let bound = LookalikeQuantizer.errorBound(largestA: Double(floats[i].map(abs).max() ?? 1),
                                                          largestB: Double(floats[j].map(abs).max() ?? 1))
                #expect(error <= bound, "pair \(i), \(j): error \(error) above bound \(bound)")
                errors.append(error)
            }
        }
        errors.sort()
        print("quantisation: mean error \(mean(errors)), 99th percentile \(errors[errors.count * 99 / 100]), max \(errors.last ?? 0)")
        #expect(mean(errors) < 0.005)
        #expect(errors[errors.count * 99 / 100] < 0.015)
    }

    @Test("the scan equals the per-pair similarity for every document; one dot product, gathered candidates and the kept matches equal it bit for bit")
    func scanEqualsPairs() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let vectors = corpus.index.lookalike
        var scores: [Float] = []
        for reference in stride(from: 0, to: vectors.documentCount, by: 97) {
            vectors.similarities(to: reference, into: &scores)
            #expect(scores.count == vectors.documentCount)
            for document in 0..<vectors.documentCount where Float(vectors.similarity(reference, document)) != scores[document] {
                Issue.record("reference \(reference), document \(document): scan \(scores[document]), pair \(vectors.similarity(reference, document))")
            }
            #expect(abs(vectors.similarity(reference, 5) - vectors.similarity(5, reference)) < 1e-6)
            // The query paths that avoid a full scan must give the scan's values exactly.
            let single = (0..<vectors.documentCount).map { vectors.scannedSimilarity(of: $0, to: reference) }
            #expect(single.map(\.bitPattern) == scores.map(\.bitPattern), "one dot product, reference \(reference)")
            let candidates = (0..<UInt32(vectors.documentCount)).filter { $0 % 7 == 0 || $0 % 11 == 3 }
            var gathered: [Float] = []
            candidates.withUnsafeBufferPointer { vectors.scannedSimilarities(of: $0, to: reference, into: &gathered) }
            #expect(gathered.map(\.bitPattern) == candidates.map { scores[Int($0)].bitPattern }, "gathered, reference \(reference)")
            // The kept matches are the scan's at every threshold, the extremes included.
            for minimum in [Float(LookalikeVectors.matchThreshold), -1, 0, 0.3, 0.45, 0.8, 0.95, 1] {
                let kept = vectors.similarities(to: reference, atLeast: minimum)
                let passing = (0..<vectors.documentCount).filter { scores[$0] >= minimum }
                #expect(kept.documents == passing.map(UInt32.init), "kept, reference \(reference), minimum \(minimum)")
                #expect(kept.similarities.map(\.bitPattern) == passing.map { scores[$0].bitPattern })
            }
        }
    }

    @Test("every scan kernel the CPU has (VNNI, AVX2, portable) gives the same similarities, bit for bit")
    func kernelsAgree() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let vectors = corpus.index.lookalike
        let count = vectors.documentCount
        for reference in stride(from: 0, to: count, by: 331) {
            var byKernel: [[Float]] = []
            for kernel in [CSIM_KERNEL_PORTABLE, CSIM_KERNEL_AVX2, CSIM_KERNEL_AVX512_VNNI] {
                var out = [Float](repeating: .nan, count: count)
                // From an odd start and length, so every kernel's tail is exercised too.
                let start = reference % 7
                out.withUnsafeMutableBufferPointer { out in
                    csim_scan64_using(kernel, vectors.vectors.baseAddress! + start * LookalikeLayout.dimensions,
                                      vectors.inverseNorms.baseAddress! + start, count - start,
                                      vectors.vector(of: reference).baseAddress, vectors.inverseNorms[reference],
                                      out.baseAddress! + start)
                }
                #expect(out[start...].allSatisfy { !$0.isNaN && $0 >= -1 && $0 <= 1 })
                byKernel.append(Array(out[start...]))
            }
            #expect(byKernel[1].map(\.bitPattern) == byKernel[0].map(\.bitPattern), "AVX2 vs portable, reference \(reference)")
            #expect(byKernel[2].map(\.bitPattern) == byKernel[0].map(\.bitPattern), "VNNI vs portable, reference \(reference)")
        }
    }

    @Test("every gather kernel gives the full scan's values for any list of documents, bit for bit")
    func gatherKernelsAgree() throws {
        let vectors = try SimilarityCorpus.shared.get().index.lookalike
        let count = vectors.documentCount
        var random = SplitMixRandom(seed: 41)
        var scores: [Float] = []
        for reference in stride(from: 2, to: count, by: 409) {
            vectors.similarities(to: reference, into: &scores)
            // Lengths around the four-a-step kernel's tail, sparse and dense, repeats included.
            for length in [0, 1, 3, 4, 5, 17, 63, 500] {
                let documents = (0..<length).map { _ in UInt32.random(in: 0..<UInt32(count), using: &random) }
                for kernel in [CSIM_KERNEL_PORTABLE, CSIM_KERNEL_AVX2, CSIM_KERNEL_BEST] {
                    var out = [Float](repeating: .nan, count: length)
                    documents.withUnsafeBufferPointer { documents in
                        out.withUnsafeMutableBufferPointer { out in
                            csim_gather64_using(kernel, vectors.vectors.baseAddress, vectors.inverseNorms.baseAddress,
                                                documents.baseAddress, length, vectors.vector(of: reference).baseAddress,
                                                vectors.inverseNorms[reference], out.baseAddress)
                        }
                    }
                    #expect(out.map(\.bitPattern) == documents.map { scores[Int($0)].bitPattern },
                            "kernel \(kernel.rawValue), reference \(reference), \(length) documents")
                }
            }
        }
    }

    @Test("a built index's vectors start on a cache line, so the scan's 64-byte loads never straddle two")
    func vectorsAreCacheLineAligned() throws {
        let vectors = try SimilarityCorpus.shared.get().index.lookalike
        let address = Int(bitPattern: try #require(vectors.vectors.baseAddress))
        #expect(address % 64 == 0, "vectors at \(address) (mod 64: \(address % 64))")
    }

    @Test("every kernel keeps the same documents and values above a threshold, from any start",
          arguments: [Float(-1), 0, 0.35, 0.6, 0.9, 2])
    func kernelsKeepTheSameAboveThreshold(threshold: Float) throws {
        let corpus = try SimilarityCorpus.shared.get()
        let vectors = corpus.index.lookalike
        let count = vectors.documentCount
        for reference in stride(from: 5, to: count, by: 487) {
            // An odd start and length exercise every kernel's tail; the first document
            // number is offset to check the ids written.
            let start = reference % 13, length = count - start - reference % 5
            var expected: (documents: [UInt32], scores: [Float])?
            for kernel in [CSIM_KERNEL_PORTABLE, CSIM_KERNEL_AVX2, CSIM_KERNEL_AVX512_VNNI] {
                var documents = [UInt32](repeating: 0, count: length), scores = [Float](repeating: .nan, count: length)
                let kept = documents.withUnsafeMutableBufferPointer { documents in
                    scores.withUnsafeMutableBufferPointer { scores in
                        csim_scan64_above_using(kernel, vectors.vectors.baseAddress! + start * LookalikeLayout.dimensions,
                                                vectors.inverseNorms.baseAddress! + start, length,
                                                vectors.vector(of: reference).baseAddress, vectors.inverseNorms[reference],
                                                threshold, UInt32(start) + 1000, documents.baseAddress, scores.baseAddress)
                    }
                }
                let found = (Array(documents[..<kept]), Array(scores[..<kept]))
                guard let expected else {
                    // The portable kernel against one dot product per document.
                    let brute = (start..<(start + length)).filter { vectors.scannedSimilarity(of: $0, to: reference) >= threshold }
                    let bruteScores = brute.map { vectors.scannedSimilarity(of: $0, to: reference).bitPattern }
                    #expect(found.0 == brute.map { UInt32($0) + 1000 } && found.1.map(\.bitPattern) == bruteScores,
                            "portable kernel against dot products, reference \(reference): \(kept) kept, \(brute.count) expected")
                    expected = found
                    continue
                }
                // Compared whole, reported briefly (the lists run to thousands).
                let same = found.0 == expected.documents && found.1.map(\.bitPattern) == expected.scores.map(\.bitPattern)
                let common = min(found.0.count, expected.documents.count)
                let firstDifference = (0..<common).first { found.0[$0] != expected.documents[$0] } ?? common
                #expect(same, "kernel \(kernel.rawValue), reference \(reference): \(kept) kept against \(expected.documents.count), first difference at \(firstDifference)")
            }
        }
    }

    @Test("nearest is the brute-force ranking above the minimum, without the reference", arguments: [(1, 0.0), (10, 0.5), (50, 0.7), (5000, -1.0), (20, 0.99)])
    func nearestMatchesBruteForce(limit: Int, minimum: Double) throws {
        let corpus = try SimilarityCorpus.shared.get()
        let vectors = corpus.index.lookalike
        for reference in [0, 123, 2047] {
            var candidates: [(document: Int, similarity: Double)] = []
            for document in 0..<vectors.documentCount where document != reference {
                let similarity = vectors.similarity(reference, document)
                if similarity >= minimum { candidates.append((document, similarity)) }
            }
            candidates.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.document < $1.document) }
            let expected = Array(candidates.prefix(limit))
            let found = vectors.nearest(to: reference, limit: limit, minimum: minimum)
            #expect(found.map { $0.document } == expected.map { $0.document })
            #expect(found.map { $0.similarity } == expected.map { $0.similarity })
        }
        #expect(vectors.nearest(to: 0, limit: 0, minimum: -1).isEmpty)
    }

    @Test("the top-k collector keeps the top k of any sequence, best first", arguments: [1, 3, 17, 200])
    func bestScores(limit: Int) {
        var generator = SplitMixRandom(seed: UInt64(limit))
        let scores = (0..<500).map { _ in Float(generator.next() % 40) / 8 }
        var best = TopKCollector(capacity: limit)
        for (document, score) in scores.enumerated() { best.offer(key: Double(score), document: UInt32(document)) }
        let expected = scores.enumerated().sorted { $0.element > $1.element || ($0.element == $1.element && $0.offset < $1.offset) }.prefix(limit)
        #expect(best.sorted().map { Int($0.document) } == expected.map(\.offset))
        #expect(best.threshold == (limit <= scores.count ? expected.last.map { Double($0.element) } : nil))
    }
}
