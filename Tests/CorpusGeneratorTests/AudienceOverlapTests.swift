import CorpusGenerator
import Foundation
import Testing

/// Follower samples come from shared pools per (niche, country): creators in the same pool
/// overlap, creators in different niches and countries almost never, audience twins heavily.
@Suite("Audience overlap")
struct AudienceOverlapTests {
    struct Member {
        let id: String
        let pool: String
        let category: String
        let country: String
        let sample: Set<Int>
    }

    /// Creators with a sample, a main niche and a country, and no fraud that redirects their audience.
    static let members: [Member] = {
        let excluded: Set<String> = [FraudKind.audienceMismatch.rawValue, FraudKind.boughtFollowers.rawValue,
                                     FraudKind.lowCredibility.rawValue]
        return GeneratedCorpus.standard.creators.compactMap { label, profile in
            guard Set(label.fraud).isDisjoint(with: excluded), label.twinOf == nil,
                  let category = (profile["categories"] as? [String])?.first, let country = profile.string("country"),
                  let sample = ProfileAnalysis.sample(profile) else { return nil }
            return Member(id: label.id, pool: category + "/" + country, category: category, country: country, sample: sample)
        }
    }()

    @Test("same niche and country overlap far more than different niche and country")
    func poolsOverlap() throws {
        let members = Self.members
        var same: [Double] = []
        var different: [Double] = []
        for (position, a) in members.enumerated() {
            for b in members[(position + 1)...] {
                if a.pool == b.pool {
                    same.append(ProfileAnalysis.jaccard(a.sample, b.sample))
                } else if a.category != b.category && a.country != b.country && different.count < 20_000 {
                    different.append(ProfileAnalysis.jaccard(a.sample, b.sample))
                }
            }
        }
        #expect(same.count >= 100)
        let sameMean = same.reduce(0, +) / Double(same.count)
        let differentMean = different.reduce(0, +) / Double(max(1, different.count))
        #expect(sameMean > 0.01, "same-pool mean Jaccard \(sameMean)")
        #expect(differentMean < 0.001, "cross-pool mean Jaccard \(differentMean)")
        #expect(sameMean > 20 * differentMean)
        // Most same-pool pairs share at least one follower.
        #expect(same.filter { $0 > 0 }.count > same.count / 2)
    }

    @Test("audience twins share most of their sample, and are in the same niche, country and platform")
    func twins() throws {
        let corpus = GeneratedCorpus.standard
        let byID = Dictionary(corpus.creators.map { ($0.label.id, $0) }, uniquingKeysWith: { first, _ in first })
        var checked = 0
        for (label, profile) in corpus.creators {
            guard let twinID = label.twinOf, let twin = byID[twinID] else { continue }
            #expect(twin.label.twinOf == label.id, "twins name each other")
            #expect(twin.profile.string("platform") == profile.string("platform"))
            let redirected = (label.fraud + twin.label.fraud).contains(FraudKind.audienceMismatch.rawValue)
            guard !redirected, let a = ProfileAnalysis.sample(profile), let b = ProfileAnalysis.sample(twin.profile) else { continue }
            checked += 1
            #expect(ProfileAnalysis.jaccard(a, b) > 0.3, "\(label.id) ~ \(twinID)")
        }
        #expect(checked >= 10)
    }
}
