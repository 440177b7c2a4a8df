import Foundation
import Testing
@testable import CreatorEngine

/// Briefs over the bundled sample corpus (what `creators match` sees with the default
/// `./index`): the top candidates are the ones a person would pick, and the assertions say
/// why (niche, audience, language, risk, budget).
@Suite("Brief matching on the sample corpus")
struct MatchGoldenTests {
    static let briefs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora/briefs").path

    @Test("English vitamin C serum: US/GB/CA skincare creators of micro and mid size, within budget, audience close to the target")
    func englishSerum() throws {
        let fixture = try SampleMatchingFixture.shared.get()
        let brief = try Brief.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.briefs + "/en-vitamin-c-serum.json"))))
        let shortlist = try fixture.matcher.match(brief)
        #expect(shortlist.entries.count == 10)
        #expect(shortlist.inferredCategories.map(\.slug).contains("skincare"))
        for entry in shortlist.entries {
            #expect(["US", "GB", "CA"].contains(entry.summary.country ?? ""))
            #expect(["micro", "mid"].contains(entry.summary.tier ?? ""))
            #expect(entry.summary.risk != "high")
            #expect((entry.price ?? .infinity) <= 2_500)
            #expect((entry.summary.engagementRate ?? 0) >= 0.01)
        }
        #expect(shortlist.cost <= 15_000)
        let skincare = shortlist.entries.filter { fixture.categories(of: $0.document).contains("skincare") }
        #expect(skincare.count >= 8, "\(shortlist.entries.map { fixture.categories(of: $0.document) })")
        for entry in shortlist.entries.prefix(3) {
            #expect((entry.score.audienceFit ?? 0) >= 0.6)
            #expect(entry.reason.contains("skincare"))
        }
    }

    @Test("a Chinese product text for an English-speaking US audience finds English-language skincare creators")
    func chineseTextEnglishAudience() throws {
        let fixture = try SampleMatchingFixture.shared.get()
        let shortlist = try fixture.match(#"{"product": "敏感肌维C精华", "audience": {"countries": {"US": 1}, "languages": {"en": 1}}, "count": 8}"#)
        #expect(shortlist.inferredCategories.first?.slug == "skincare")
        #expect(shortlist.entries.count == 8)
        let english = shortlist.entries.filter { fixture.languages(of: $0.document).contains("en") && fixture.categories(of: $0.document).contains("skincare") }
        #expect(english.count >= 6, "\(shortlist.entries.map { (fixture.languages(of: $0.document), fixture.categories(of: $0.document)) })")
        #expect(shortlist.entries.prefix(3).allSatisfy { ($0.score.audienceFit ?? 0) >= 0.5 })
    }

    @Test("an English product text for a Chinese audience finds Chinese skincare creators first")
    func englishTextChineseAudience() throws {
        let fixture = try SampleMatchingFixture.shared.get()
        let shortlist = try fixture.match(#"{"product": "hydrating face serum for sensitive skin", "audience": {"countries": {"CN": 1}, "languages": {"zh": 1}}, "count": 8}"#)
        let top = shortlist.entries.prefix(5)
        #expect(top.count == 5)
        #expect(top.allSatisfy { fixture.categories(of: $0.document).contains("skincare") })
        #expect(top.filter { fixture.languages(of: $0.document).contains("zh") }.count >= 4)
    }

    @Test("Spanish home fitness: Spanish-speaking fitness creators in the listed countries, credible, each under 800 USD")
    func spanishFitness() throws {
        let fixture = try SampleMatchingFixture.shared.get()
        let brief = try Brief.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.briefs + "/es-home-fitness.json"))))
        let shortlist = try fixture.matcher.match(brief)
        #expect(!shortlist.entries.isEmpty)
        for entry in shortlist.entries {
            #expect(["ES", "MX", "AR", "CO"].contains(entry.summary.country ?? ""))
            #expect(fixture.index.column(.credibility)[entry.document] >= 0.6)
            #expect((entry.price ?? .infinity) <= 800)
        }
        let fitting = shortlist.entries.filter { fixture.categories(of: $0.document).contains(where: { ["fitness", "health", "wellness", "sports"].contains($0) }) }
        #expect(fitting.count * 10 >= shortlist.entries.count * 7)
        #expect(shortlist.entries.filter { fixture.languages(of: $0.document).contains("es") }.count * 10 >= shortlist.entries.count * 8)
        #expect((shortlist.overlap.maxPairwiseOverlap ?? 0) <= 0.2)
    }

    @Test("risk: max_risk excludes, and within the allowed levels the risk score discounts the total")
    func risk() throws {
        let fixture = try SampleMatchingFixture.shared.get()
        let strict = try fixture.match(#"{"product": "skincare routine", "max_risk": "low", "count": 30}"#)
        #expect(strict.entries.count == 30 && strict.entries.allSatisfy { $0.summary.risk == "low" })
        // Mexican makeup creators: few enough that every candidate is listed.
        let brief = #"{"product": "makeup tutorial", "creator_countries": ["MX"], "count": 500, "diversify": false, "max_risk": "#
        let lenient = try fixture.match(brief + #""high"}"#)
        let usual = try fixture.match(brief + #""medium"}"#)
        let risky = lenient.entries.filter { $0.summary.risk == "high" }
        #expect(!risky.isEmpty)
        #expect(usual.entries.allSatisfy { $0.summary.risk != "high" })
        #expect(Set(usual.entries.map(\.document)) == Set(lenient.entries.filter { $0.summary.risk != "high" }.map(\.document)))
        let undiscounted = lenient.entries.sorted { $0.score.total / $0.score.riskFactor > $1.score.total / $1.score.riskFactor }.map(\.document)
        for entry in lenient.entries {
            #expect(abs(entry.score.riskFactor - (1 - entry.summary.riskScore / 200)) < 1e-9)
            if !entry.summary.flags.isEmpty { #expect(entry.reason.contains(entry.summary.flags[0])) }
        }
        for entry in risky {
            #expect(entry.score.riskFactor < 0.9)
            // Listed lower than its parts alone would put it.
            #expect(entry.rank - 1 >= (undiscounted.firstIndex(of: entry.document) ?? 0))
        }
    }

    @Test("excluded creators and handles never come back; ids and @handles both work")
    func exclusion() throws {
        let fixture = try SampleMatchingFixture.shared.get()
        let first = try fixture.match(#"{"product": "gaming stream setup", "count": 5}"#)
        let top = try #require(first.entries.first), second = try #require(first.entries.dropFirst().first)
        let again = try fixture.match(#"{"product": "gaming stream setup", "count": 5, "exclude": ["\#(top.summary.id)", "@\#(second.summary.handle)"]}"#)
        #expect(!again.entries.contains { $0.document == top.document || $0.document == second.document })
        #expect(again.entries.count == 5)
    }

    @Test("every example brief in corpora/briefs is valid and gives a shortlist")
    func exampleBriefs() throws {
        let fixture = try SampleMatchingFixture.shared.get()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.briefs).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 6)
        for file in files {
            let brief = try Brief.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.briefs + "/" + file))))
            let shortlist = try fixture.matcher.match(brief)
            #expect(!shortlist.entries.isEmpty, "\(file)")
            let object = try JSONSerialization.jsonObject(with: Data(shortlist.json)) as? [String: Any]
            #expect(object?["shortlist"] is [Any], "\(file)")
        }
    }
}
