import Testing
@testable import CreatorEngine

/// Random briefs over a generated corpus (3,000 creators with audience twins and shared
/// follower pools), checked against the parsed profiles, not against the engine's own answers.
@Suite("Brief matching properties")
struct MatchPropertyTests {
    /// A random brief: a product text made of words from a random creator's bio, and a random
    /// subset of the hard constraints.
    static func randomBrief(_ random: inout SplitMixRandom, corpus: SimilarityCorpus) -> Brief {
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let profiles = corpus.profiles
        let source = pick(profiles)
        let words = (source.bio ?? source.name ?? "creator").split(separator: " ").prefix(6).map(String.init)
        var brief = Brief(product: words.isEmpty ? "creator" : words.joined(separator: " "))
        if chance(40) { brief.platforms = Array(Set((0..<2).map { _ in pick(profiles).platform })) }
        if chance(40) { brief.creatorCountries = Array(Set((0..<3).compactMap { _ in pick(profiles).country })) }
        if chance(30) { brief.tiers = Array(Set((0..<2).map { _ in pick(Tier.allCases) })) }
        if chance(30) {
            let low = Int64(random.next() % 60_000)
            brief.followers = low...(low + Int64(random.next() % 900_000))
        }
        if chance(30) { brief.minEngagementRate = Double(random.next() % 60) / 1_000 }
        if chance(30) { brief.minCredibility = Double(random.next() % 90) / 100 }
        if chance(50) { brief.maxRisk = pick(RiskLevel.allCases) }
        if chance(30) { brief.exclude = (0..<5).map { _ in chance(50) ? pick(profiles).id : "@" + pick(profiles).handle } }
        if chance(60) {
            brief.budget = Brief.Budget(total: chance(80) ? Double(500 + random.next() % 50_000) : nil,
                                        maxPerCreator: chance(60) ? Double(100 + random.next() % 5_000) : nil)
            if brief.budget?.total == nil && brief.budget?.maxPerCreator == nil { brief.budget?.total = 20_000 }
        }
        if chance(30) { brief.categories = [pick(LookalikeEncoding.taxonomy)] }
        if chance(30) { brief.audience.countries = [pick(profiles).country ?? "US": 1] }
        brief.count = 1 + Int(random.next() % 40)
        if chance(30) { brief.diversify = Brief.Diversify(maxPairwiseOverlap: Double(5 + random.next() % 40) / 100) }
        return brief
    }

    /// Whether the profile satisfies every hard constraint of the brief (brute force).
    static func violations(of brief: Brief, document: Int, corpus: SimilarityCorpus, price: Double?) -> [String] {
        let profile = corpus.profiles[document]
        var broken: [String] = []
        if !brief.platforms.isEmpty, !brief.platforms.contains(profile.platform) { broken.append("platform") }
        if !brief.creatorCountries.isEmpty, !brief.creatorCountries.contains(profile.country ?? "") { broken.append("country") }
        let tier = Tier(followers: profile.followers)
        if !brief.tiers.isEmpty, !brief.tiers.contains(tier) { broken.append("tier") }
        if let range = brief.followers, !range.contains(profile.followers) { broken.append("followers") }
        if let minimum = brief.minEngagementRate, !((profile.engagementRate ?? -1) >= minimum) { broken.append("er") }
        if let minimum = brief.minCredibility, !((profile.audience?.credibility ?? -1) >= minimum) { broken.append("credibility") }
        if corpus.index.risk.level(of: document) > brief.maxRisk { broken.append("risk") }
        if brief.exclude.contains(profile.id) || brief.exclude.contains("@" + profile.handle) { broken.append("exclude") }
        if let cap = brief.budget?.maxPerCreator {
            if let stated = profile.price?.usd, stated > cap + 1e-6 { broken.append("stated price") }
            if let price, price > cap + 1e-6 { broken.append("price") }
        }
        return broken
    }

    @Test("no shortlisted creator breaks a hard constraint, the cost fits, the overlap bound holds, unique reach ≥ the plain list's")
    func randomBriefs() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let matcher = BriefMatcher(searcher: Searcher(index: corpus.index))
        var random = SplitMixRandom(seed: 29)
        var nonEmpty = 0, diversified = 0, reachGains = 0, plainWouldBreakBound = 0, lowerWhenPlainBreaksBound = 0
        var reachRatios: [Double] = []
        for _ in 0..<120 {
            let brief = Self.randomBrief(&random, corpus: corpus)
            let shortlist = try matcher.match(brief)
            #expect(shortlist.entries.count <= brief.count)
            if !shortlist.entries.isEmpty { nonEmpty += 1 }
            #expect(Set(shortlist.entries.map(\.document)).count == shortlist.entries.count)
            for entry in shortlist.entries {
                let broken = Self.violations(of: brief, document: entry.document, corpus: corpus, price: entry.price)
                #expect(broken.isEmpty, "\(corpus.profiles[entry.document].id) breaks \(broken) of \(brief)")
                let parts = entry.score.parts.compactMap(\.value) + [entry.score.riskFactor, entry.score.total]
                #expect(parts.allSatisfy { $0 >= 0 && $0 <= 1 }, "score parts out of 0…1: \(entry.score)")
            }
            if let total = brief.budget?.total { #expect(shortlist.cost <= total + 1e-6) }
            // Ranks follow the listing order, and the set figures are the overlap set's.
            #expect(shortlist.entries.map(\.rank) == Array(1...max(1, shortlist.entries.count)).prefix(shortlist.entries.count).map { $0 })
            guard let bound = brief.diversify?.maxPairwiseOverlap else { continue }
            diversified += 1
            let documents = shortlist.entries.map(\.document)
            for a in documents {
                for b in documents where a != b {
                    let share = corpus.index.overlap.share(of: a, sharedWith: b) ?? 0
                    #expect(share <= bound + 1e-12, "pair overlap \(share) above \(bound)")
                }
            }
            var plainBrief = brief
            plainBrief.diversify = nil
            let plain = try matcher.match(plainBrief).entries.map(\.document).prefix(documents.count)
            let plainReach = AudienceOverlapSet(index: corpus.index, documents: Array(plain)).uniqueReach
            let reach = shortlist.overlap.uniqueReach
            if reach > plainReach + 1e-6 { reachGains += 1 }
            // Guaranteed when the plain list keeps the bound too; when it does not, the bound
            // comes first (two big creators sharing followers cannot both be listed), so the
            // diversified list may reach fewer people: counted, and bounded in aggregate.
            if ShortlistSelection(index: corpus.index, count: 0, budgetTotal: nil, maxPairwiseOverlap: nil).largestOverlap(Array(plain)) > bound {
                plainWouldBreakBound += 1
                if reach < plainReach - 1e-6 { lowerWhenPlainBreaksBound += 1 }
                reachRatios.append(reach / max(1, plainReach))
            } else {
                #expect(reach >= plainReach - 1e-6, "diversified unique reach \(reach) below the plain list's \(plainReach)")
            }
        }
        print("match properties: \(nonEmpty) non-empty shortlists, \(diversified) diversified, \(reachGains) with more unique reach than the plain list, \(plainWouldBreakBound) plain lists above the bound (\(lowerWhenPlainBreaksBound) of them with more unique reach than the diversified list; diversified/plain reach there: mean \(reachRatios.reduce(0, +) / Double(max(1, reachRatios.count))), min \(reachRatios.min() ?? 1))")
        #expect(nonEmpty > 60 && diversified > 60)
        #expect(lowerWhenPlainBreaksBound * 20 <= diversified)
    }

    @Test("a brief's JSON is deterministic, and its summary agrees with the entries")
    func deterministicDocument() throws {
        let corpus = try SimilarityCorpus.shared.get()
        let matcher = BriefMatcher(searcher: Searcher(index: corpus.index))
        var random = SplitMixRandom(seed: 3)
        for _ in 0..<10 {
            let brief = Self.randomBrief(&random, corpus: corpus)
            let first = try matcher.match(brief), second = try matcher.match(brief)
            #expect(first.json == second.json)
            let set = AudienceOverlapSet(index: corpus.index, documents: first.entries.map(\.document))
            #expect(set.uniqueReach == first.overlap.uniqueReach && set.totalReach == first.overlap.totalReach)
        }
    }
}

@Suite("Category inference helpers")
struct CategoryInferenceHelperTests {
    @Test("the galloping member count equals a set intersection")
    func countMembers() {
        var random = SplitMixRandom(seed: 41)
        for _ in 0..<200 {
            let list = Array(Set((0..<Int(random.next() % 300)).map { _ in UInt32(random.next() % 1_000) })).sorted()
            let sample = (0..<Int(random.next() % 100)).map { _ in UInt32(random.next() % 1_100) }.sorted()
            let expected = sample.filter { Set(list).contains($0) }.count
            let counted = CategoryInference.countMembers(sample, in: SortedDocuments(owned: list))
            #expect(counted == expected)
        }
    }
}
