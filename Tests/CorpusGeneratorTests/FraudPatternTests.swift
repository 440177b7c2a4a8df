import CorpusGenerator
import Foundation
import Testing

/// Each labelled fraud kind shows its pattern in the profile, and clean creators do not.
@Suite("Fraud patterns")
struct FraudPatternTests {
    let corpus = GeneratedCorpus.dirty
    let reference = StrictProfileCheck.date("2026-11-15") ?? 0

    func creators(with kind: FraudKind) -> [[String: Any]] {
        corpus.creators.filter { $0.label.fraud.contains(kind.rawValue) }.map(\.profile)
    }

    var clean: [[String: Any]] { corpus.creators.filter { $0.label.fraud.isEmpty }.map(\.profile) }

    @Test("about --fraud-rate of creators are labelled, with every kind represented")
    func rates() {
        let standard = GeneratedCorpus.standard
        let share = Double(standard.creatorLabels.filter { !$0.fraud.isEmpty }.count) / Double(standard.creatorLabels.count)
        #expect((0.06...0.10).contains(share))
        for kind in FraudKind.allCases {
            #expect(creators(with: kind).count >= 40, "\(kind.rawValue)")
        }
        #expect(corpus.creatorLabels.contains { $0.fraud.count >= 2 })
        #expect(corpus.creatorLabels.allSatisfy { Set($0.fraud).isSubset(of: Set(FraudKind.allCases.map(\.rawValue))) })
    }

    @Test("bought followers: one step of +30% or more in the history; clean histories never jump 25%")
    func boughtFollowers() {
        for profile in creators(with: .boughtFollowers) {
            let counts = ProfileAnalysis.historyCounts(profile) ?? []
            #expect(ProfileAnalysis.largestStep(counts) >= 1.29, "\(profile.string("id") ?? "")")
        }
        for profile in clean {
            guard let counts = ProfileAnalysis.historyCounts(profile) else { continue }
            #expect(ProfileAnalysis.largestStep(counts) < 1.25)
        }
    }

    /// Median engagement of clean creators on the same platform within a factor of 3 in followers.
    func peerRate(for profile: [String: Any], peers: [(platform: String, followers: Double, rate: Double)]) -> Double? {
        guard let platform = profile.string("platform"), let followers = profile.double("followers") else { return nil }
        let near = peers.filter { $0.platform == platform && $0.followers / followers < 3 && followers / $0.followers < 3 }
        return near.count >= 8 ? ProfileAnalysis.median(near.map(\.rate)) : nil
    }

    var cleanRates: [(platform: String, followers: Double, rate: Double)] {
        clean.compactMap { profile in
            guard let rate = ProfileAnalysis.engagementRate(profile), let platform = profile.string("platform"),
                  let followers = profile.double("followers") else { return nil }
            return (platform, followers, rate)
        }
    }

    @Test("low engagement: far below peers; few clean creators are")
    func lowEngagement() {
        let peers = cleanRates
        var checked = 0
        for profile in creators(with: .lowEngagement) {
            guard let rate = ProfileAnalysis.engagementRate(profile), let peer = peerRate(for: profile, peers: peers) else { continue }
            checked += 1
            #expect(rate < 0.45 * peer, "\(profile.string("id") ?? "") \(profile.string("platform") ?? "") \(profile.double("followers") ?? 0): \(rate) vs peers \(peer), provided \(profile.double("engagement_rate") ?? -1) likes \(profile.double("avg_likes") ?? -1) views \(profile.double("avg_views") ?? -1)")
        }
        #expect(checked >= 30)
        let lowClean = clean.filter { profile in
            guard let rate = ProfileAnalysis.engagementRate(profile), let peer = peerRate(for: profile, peers: peers) else { return false }
            return rate < 0.45 * peer
        }
        #expect(Double(lowClean.count) < 0.02 * Double(clean.count))
    }

    @Test("engagement anomaly: far above peers, or comments far out of proportion to likes")
    func engagementAnomaly() {
        let peers = cleanRates
        var commentRatios: [String: [Double]] = [:]
        for profile in clean {
            if let likes = profile.double("avg_likes"), likes > 20, let comments = profile.double("avg_comments"),
               let platform = profile.string("platform") {
                commentRatios[platform, default: []].append(comments / likes)
            }
        }
        var checked = 0
        for (label, profile) in corpus.creators where label.fraud.contains(FraudKind.engagementAnomaly.rawValue)
            && !label.fraud.contains(FraudKind.boughtFollowers.rawValue) {
            guard let rate = ProfileAnalysis.engagementRate(profile), let peer = peerRate(for: profile, peers: peers),
                  let likes = profile.double("avg_likes"), likes > 20, let comments = profile.double("avg_comments"),
                  let usual = ProfileAnalysis.median(commentRatios[profile.string("platform") ?? ""] ?? []) else { continue }
            checked += 1
            #expect(rate > 2 * peer || comments / likes > 4 * usual, "\(label.id) \(label.fraud) \(profile.double("followers") ?? 0): rate \(rate) peer \(peer) comments/likes \(comments / likes) usual \(usual)")
        }
        #expect(checked >= 30)
    }

    @Test("low credibility: 0.2–0.5; clean creators 0.6 or more")
    func lowCredibility() {
        for profile in creators(with: .lowCredibility) {
            let credibility = profile.object("audience")?.double("credibility")
            #expect(credibility.map { (0.2...0.5).contains($0) } == true)
        }
        for profile in clean {
            if let credibility = profile.object("audience")?.double("credibility") { #expect(credibility >= 0.6) }
        }
    }

    @Test("audience mismatch: most followers in another country; clean audiences are mostly local")
    func audienceMismatch() {
        for profile in creators(with: .audienceMismatch) {
            let countries = profile.object("audience")?["countries"] as? [String: NSNumber] ?? [:]
            let home = profile.string("country") ?? ""
            let top = countries.filter { $0.key != "other" }.max { $0.value.doubleValue < $1.value.doubleValue }
            #expect(top != nil && top?.key != home && (top?.value.doubleValue ?? 0) >= 0.5)
            #expect((countries[home]?.doubleValue ?? 0) < 0.15)
        }
        for profile in clean {
            guard let home = profile.string("country"),
                  let countries = profile.object("audience")?["countries"] as? [String: NSNumber] else { continue }
            #expect((countries[home]?.doubleValue ?? 0) >= 0.4)
        }
    }

    @Test("follow-for-follow: following about equal to followers, in the thousands")
    func followForFollow() {
        for profile in creators(with: .followForFollow) {
            let following = profile.double("following") ?? 0
            let followers = profile.double("followers") ?? 1
            #expect(following >= 1_000 && (0.7...1.4).contains(following / followers))
        }
        for profile in clean {
            guard let following = profile.double("following"), let followers = profile.double("followers") else { continue }
            #expect(following < 1_000 || following / followers < 0.7)
        }
    }

    @Test("ghosting, disputes, late delivery: the collaboration record shows them; clean records do not")
    func collaborationRecord() {
        for profile in creators(with: .ghostingHistory) {
            #expect((profile.object("collaborations")?.double("ghosted") ?? 0) >= 2)
        }
        for profile in creators(with: .disputes) {
            #expect((profile.object("collaborations")?.double("disputes") ?? 0) >= 2)
        }
        for profile in creators(with: .lateDelivery) {
            let completed = profile.object("collaborations")?.double("completed") ?? 0
            let late = profile.object("collaborations")?.double("late") ?? 0
            #expect(completed >= 6 && late / completed >= 0.4)
        }
        for profile in clean {
            guard let deals = profile.object("collaborations") else { continue }
            #expect((deals.double("ghosted") ?? 0) <= 1)
            #expect((deals.double("disputes") ?? 0) <= 1)
            let completed = deals.double("completed") ?? 0
            #expect((deals.double("late") ?? 0) <= 0.15 * completed + 0.001)
        }
    }

    @Test("blacklisted creators carry reason, source and date; no clean creator is blacklisted")
    func blacklisted() {
        for profile in creators(with: .blacklisted) {
            let record = profile.object("blacklisted")
            #expect(record?.string("reason")?.isEmpty == false)
            #expect(record?.string("source")?.isEmpty == false)
            #expect(record?.string("since").flatMap(StrictProfileCheck.date) != nil)
        }
        #expect(clean.allSatisfy { $0["blacklisted"] == nil })
    }

    @Test("stale data: updated over a year before the reference date; clean creators within 300 days")
    func staleData() {
        for profile in creators(with: .staleData) {
            let day = profile.string("updated_at").flatMap(StrictProfileCheck.date) ?? reference
            #expect(reference - day > 365)
        }
        for profile in clean {
            let day = profile.string("updated_at").flatMap(StrictProfileCheck.date) ?? 0
            #expect(reference - day <= 300)
        }
    }
}
