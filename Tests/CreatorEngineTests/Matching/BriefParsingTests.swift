import Testing
@testable import CreatorEngine

@Suite("Brief reading and validation")
struct BriefParsingTests {
    private func parse(_ json: String) throws(BriefError) -> Brief { try Brief.parse(Array(json.utf8)) }

    private func refusal(_ json: String) -> BriefError? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return error
        }
    }

    @Test("a full brief is read with every field typed, normalised and converted")
    func fullBrief() throws {
        let brief = try parse("""
            {"product": "  Vitamin C serum for sensitive skin  ", "keywords": ["serum", "敏感肌"], "categories": ["Skincare"],
             "platforms": ["TikTok", "instagram"], "creator_countries": ["us", "GB"], "languages": ["en", "pt-BR"],
             "audience": {"countries": {"US": 3, "GB": 1}, "genders": {"female": 0.8, "male": 0.2},
                          "ages": {"18-24": 1, "25-34": 1}, "languages": {"en": 1}, "interests": {"beauty": 2, "skincare": 2}},
             "tiers": ["micro", "mid"], "followers": {"min": 10000, "max": 400000}, "min_engagement_rate": 0.02,
             "min_credibility": 0.7, "budget": {"currency": "EUR", "total": 10000, "max_per_creator": 1500},
             "max_risk": "low", "exclude": ["tiktok:1", "@someone"], "count": 15, "diversify": {"max_pairwise_overlap": 0.2}}
            """)
        #expect(brief.product == "Vitamin C serum for sensitive skin")
        #expect(brief.keywords == ["serum", "敏感肌"])
        #expect(brief.categories == ["skincare"])
        #expect(brief.platforms == [.tiktok, .instagram])
        #expect(brief.creatorCountries == ["US", "GB"])
        #expect(brief.languages == ["en", "pt"])
        #expect(brief.audience.countries == ["US": 0.75, "GB": 0.25])
        #expect(brief.audience.interests == ["beauty": 0.5, "skincare": 0.5])
        #expect(brief.tiers == [.micro, .mid])
        #expect(brief.followers == 10_000...400_000)
        #expect(brief.minEngagementRate == 0.02 && brief.minCredibility == 0.7)
        let eur = try #require(CurrencyRates.builtIn.usd(1, currency: "EUR"))
        #expect(brief.budget?.currency == "EUR")
        #expect(abs((brief.budget?.total ?? 0) - 10_000 * eur) < 1e-6)
        #expect(abs((brief.budget?.maxPerCreator ?? 0) - 1_500 * eur) < 1e-6)
        #expect(brief.maxRisk == .low && brief.exclude == ["tiktok:1", "@someone"] && brief.count == 15)
        #expect(brief.diversify == Brief.Diversify(maxPairwiseOverlap: 0.2))
    }

    @Test("defaults: count 20, max_risk medium, diversify on at 30%; null is the same as missing")
    func defaults() throws {
        let brief = try parse(#"{"product": "running shoes", "budget": null}"#)
        #expect(brief.count == 20 && brief.maxRisk == .medium && brief.budget == nil)
        #expect(brief.diversify == Brief.Diversify(maxPairwiseOverlap: 0.30))
        #expect(try parse(#"{"product": "x y", "diversify": false}"#).diversify == nil)
        #expect(try parse(#"{"product": "x y", "diversify": {}}"#).diversify == Brief.Diversify())
    }

    /// Every class of refusal, with its field and its exact message.
    @Test("every error class names its field with a fixed message", arguments: [
        ("{", "", "not valid JSON"),
        ("[1, 2]", "", #"brief: must be a JSON object with at least "product""#),
        (#"{"keywords": ["a"]}"#, "product", "brief field 'product': is required (free text about the product)"),
        (#"{"product": 42}"#, "product", "brief field 'product': must be a string, got the number 42"),
        (#"{"product": "   "}"#, "product", "brief field 'product': must not be empty"),
        (#"{"product": "a", "product": "b"}"#, "product", "brief field 'product': given twice"),
        (#"{"product": "a", "budjet": {"total": 5}}"#, "budjet", #"brief field 'budjet': unknown field; did you mean "budget"?"#),
        (#"{"product": "a", "keywords": "serum"}"#, "keywords", #"brief field 'keywords': must be an array of strings, got the string "serum""#),
        (#"{"product": "a", "keywords": ["ok", 3]}"#, "keywords[1]", "brief field 'keywords[1]': must be a string, got the number 3"),
        (#"{"product": "a", "categories": ["skincar"]}"#, "categories[0]", #"brief field 'categories[0]': "skincar" is not a taxonomy slug; did you mean "skincare"?"#),
        (#"{"product": "a", "platforms": ["tiktak"]}"#, "platforms[0]", #"brief field 'platforms[0]': "tiktak" is not a platform; did you mean "tiktok"?"#),
        (#"{"product": "a", "creator_countries": ["USA"]}"#, "creator_countries[0]", #"brief field 'creator_countries[0]': must be an ISO 3166-1 alpha-2 code such as "US", got "USA""#),
        (#"{"product": "a", "languages": ["english"]}"#, "languages[0]", #"brief field 'languages[0]': must be a language code such as "en" or "pt-BR", got "english""#),
        (#"{"product": "a", "audience": {"gender": {"female": 1}}}"#, "audience.gender", #"brief field 'audience.gender': unknown field; did you mean "genders"?"#),
        (#"{"product": "a", "audience": {"genders": {"woman": 1}}}"#, "audience.genders.woman", #"brief field 'audience.genders.woman': "woman" is not a gender key; one of female, male, other"#),
        (#"{"product": "a", "audience": {"ages": {"18-25": 1}}}"#, "audience.ages.18-25", #"brief field 'audience.ages.18-25': "18-25" is not an age bucket; did you mean "18-24"?"#),
        (#"{"product": "a", "audience": {"countries": {"US": -1}}}"#, "audience.countries.US", "brief field 'audience.countries.US': must be a weight of 0 or more, got -1.0"),
        (#"{"product": "a", "audience": {"countries": {"US": 0}}}"#, "audience.countries", "brief field 'audience.countries': needs at least one weight above 0"),
        (#"{"product": "a", "audience": {"countries": {"US": 1, "us": 1}}}"#, "audience.countries.us", #"brief field 'audience.countries.us': names the key "US" a second time"#),
        (#"{"product": "a", "tiers": ["medium"]}"#, "tiers[0]", #"brief field 'tiers[0]': "medium" is not a tier; one of nano, micro, mid, macro, mega"#),
        (#"{"product": "a", "followers": {"min": 5000, "max": 100}}"#, "followers", "brief field 'followers': min (5000) is above max (100)"),
        (#"{"product": "a", "followers": {"min": -3}}"#, "followers.min", "brief field 'followers.min': must be from 0, got -3"),
        (#"{"product": "a", "followers": {"min": 1.5}}"#, "followers.min", "brief field 'followers.min': must be a whole number, got 1.5"),
        (#"{"product": "a", "followers": {}}"#, "followers", #"brief field 'followers': needs "min", "max" or both"#),
        (#"{"product": "a", "min_engagement_rate": 3}"#, "min_engagement_rate", "brief field 'min_engagement_rate': must be a fraction from 0 to 1 (3% is 0.03), got 3.0"),
        (#"{"product": "a", "min_credibility": "high"}"#, "min_credibility", #"brief field 'min_credibility': must be a number, got the string "high""#),
        (#"{"product": "a", "budget": {"total": 0}}"#, "budget.total", "brief field 'budget.total': must be an amount above 0, got 0.0"),
        (#"{"product": "a", "budget": {"currency": "XYZ", "total": 5}}"#, "budget.currency", "no exchange rate"),
        (#"{"product": "a", "budget": {"currency": "USD"}}"#, "budget", #"brief field 'budget': needs "total", "max_per_creator" or both"#),
        (#"{"product": "a", "max_risk": "severe"}"#, "max_risk", #"brief field 'max_risk': "severe" is not a risk level; one of low, medium, high"#),
        (#"{"product": "a", "count": 0}"#, "count", "brief field 'count': must be from 1 to 500, got 0"),
        (#"{"product": "a", "count": 501}"#, "count", "brief field 'count': must be from 1 to 500, got 501"),
        (#"{"product": "a", "diversify": "yes"}"#, "diversify", #"brief field 'diversify': must be true, false or {"max_pairwise_overlap": 0–1}, got the string "yes""#),
        (#"{"product": "a", "diversify": {"max_overlap": 0.2}}"#, "diversify.max_overlap", #"brief field 'diversify.max_overlap': unknown field; did you mean "max_pairwise_overlap"?"#),
        (#"{"product": "a", "diversify": {"max_pairwise_overlap": 1.5}}"#, "diversify.max_pairwise_overlap", "brief field 'diversify.max_pairwise_overlap': must be a fraction from 0 to 1 (3% is 0.03), got 1.5"),
    ])
    func refusals(json: String, field: String, message: String) throws {
        let error = try #require(refusal(json))
        #expect(error.field == field)
        #expect(error.description.contains(message), "\(error.description)")
        if !field.isEmpty { #expect(error.description.hasPrefix("brief field '\(field)': ")) }
    }

    @Test("an unknown field far from every name still gets the nearest one")
    func farUnknownField() throws {
        let error = try #require(refusal(#"{"product": "a", "zzzzzzzzzz": 1}"#))
        #expect(error.field == "zzzzzzzzzz")
        #expect(error.message.hasPrefix("unknown field; did you mean \""))
    }

    @Test("invalid UTF-8 is refused as invalid JSON")
    func invalidUTF8() throws {
        var bytes = Array(#"{"product": "ab"}"#.utf8)
        bytes[13] = 0xFF
        #expect(throws: BriefError.self) { try Brief.parse(bytes) }
    }
}
