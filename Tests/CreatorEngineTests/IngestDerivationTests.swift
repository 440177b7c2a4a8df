import CreatorEngine
import Testing

@Suite("Derived values: engagement, distributions, sample hashes, prices")
struct IngestDerivationTests {
    let parser = ProfileParser()

    static let followerFeed: [Platform] = [.instagram, .facebook, .x, .xiaohongshu]
    static let viewDriven: [Platform] = [.tiktok, .douyin, .kuaishou, .youtube, .bilibili, .twitch]

    @Test("Follower-feed platforms: (likes + comments) / followers", arguments: followerFeed)
    func followerBasis(platform: Platform) throws {
        let line = IngestFixture.minimal(#""avg_likes":40,"avg_comments":10,"avg_views":100"#,
                                         platform: platform.rawValue, followers: "1000")
        let profile = try #require(parser.profile(line))
        #expect(profile.engagementRate == 0.05)
        #expect(profile.engagementRateProvided == false)
        // No followers: no denominator.
        let none = IngestFixture.minimal(#""avg_likes":40,"avg_comments":10"#, platform: platform.rawValue, followers: "0")
        #expect(try #require(parser.profile(none)).engagementRate == nil)
        // A missing average is unknown, never zero.
        let noComments = IngestFixture.minimal(#""avg_likes":40"#, platform: platform.rawValue)
        #expect(try #require(parser.profile(noComments)).engagementRate == nil)
    }

    @Test("View-driven platforms: (likes + comments + shares) / views; missing shares count 0", arguments: viewDriven)
    func viewBasis(platform: Platform) throws {
        let withShares = IngestFixture.minimal(#""avg_likes":50,"avg_comments":20,"avg_shares":30,"avg_views":1000"#,
                                               platform: platform.rawValue)
        #expect(try #require(parser.profile(withShares)).engagementRate == 0.1)
        let noShares = IngestFixture.minimal(#""avg_likes":50,"avg_comments":20,"avg_views":1000"#, platform: platform.rawValue)
        #expect(try #require(parser.profile(noShares)).engagementRate == 0.07)
        // Followers are not the denominator here: without views the rate is unknown.
        let noViews = IngestFixture.minimal(#""avg_likes":50,"avg_comments":20"#, platform: platform.rawValue)
        #expect(try #require(parser.profile(noViews)).engagementRate == nil)
        let zeroViews = IngestFixture.minimal(#""avg_likes":50,"avg_comments":20,"avg_views":0"#, platform: platform.rawValue)
        #expect(try #require(parser.profile(zeroViews)).engagementRate == nil)
    }

    @Test("Platform 'other' has no rule: unknown")
    func otherPlatform() throws {
        let line = IngestFixture.minimal(#""avg_likes":50,"avg_comments":20,"avg_views":1000"#, platform: "other")
        #expect(try #require(parser.profile(line)).engagementRate == nil)
        #expect(Set(Self.followerFeed + Self.viewDriven + [.other]) == Set(Platform.allCases))
    }

    @Test("A provided rate is kept as given, even where the rule would give another")
    func provided() throws {
        let line = IngestFixture.minimal(#""engagement_rate":0.031,"avg_likes":40,"avg_comments":10"#)
        let profile = try #require(parser.profile(line))
        #expect(profile.engagementRate == 0.031)
        #expect(profile.engagementRateProvided)
        let zero = try #require(parser.profile(IngestFixture.minimal(#""engagement_rate":0"#)))
        #expect(zero.engagementRate == 0)
        #expect(zero.engagementRateProvided)
    }

    @Test("A derived rate above 1 is kept (viral), unlike a provided one")
    func derivedAboveOne() throws {
        let line = IngestFixture.minimal(#""avg_likes":3000,"avg_comments":10"#, followers: "1000")
        #expect(try #require(parser.profile(line)).engagementRate == 3.01)
    }

    @Test("Distributions inside 0.98–1.02 are renormalised to sum to 1")
    func renormalised() throws {
        let line = IngestFixture.minimal(#""audience":{"countries":{"us":0.5,"other":0.49},"languages":{"pt-BR":0.3,"pt-PT":0.2,"en":0.515},"interests":{"Beauty":0.98}}"#)
        let audience = try #require(parser.profile(line)?.audience)
        let countries = try #require(audience.countries)
        #expect(countries.entries.map(\.key) == ["US", "other"])
        #expect(abs(countries.share(of: "US") - 0.5 / 0.99) < 1e-15)
        #expect(abs(countries.share(of: "other") - 0.49 / 0.99) < 1e-15)
        #expect(abs(countries.total - 1) < 1e-15)
        // pt-BR and pt-PT are both `pt`: their shares add up.
        let languages = try #require(audience.languages)
        #expect(languages.entries.map(\.key) == ["en", "pt"])
        #expect(abs(languages.share(of: "pt") - 0.5 / 1.015) < 1e-15)
        #expect(try #require(audience.interests).entries == [Distribution.Entry(key: "beauty", share: 1)])
        // The bounds are inclusive.
        #expect(parser.profile(IngestFixture.minimal(#""audience":{"genders":{"female":0.5,"male":0.52}}"#)) != nil)
        #expect(parser.reason(IngestFixture.minimal(#""audience":{"genders":{"female":0.5,"male":0.5201}}"#))
                == "audience.genders: shares sum to 1.0201, outside 0.98–1.02")
    }

    @Test("Sample ids: the integer 90211 and the string \"90211\" hash alike")
    func sampleHashing() throws {
        let line = IngestFixture.minimal(#""audience":{"sample":[90211,"90211","090211",-5,"-5",18446744073709551615,"18446744073709551615"]}"#)
        let sample = try #require(parser.profile(line)?.audience).sample
        #expect(sample.count == 7)
        #expect(sample[0] == sample[1])
        #expect(sample[0] != sample[2])
        #expect(sample[3] == sample[4])
        #expect(sample[5] == sample[6])
        #expect(Set(sample).count == 4)
        // FNV-1a 64 then the splitmix64 finaliser, values computed independently (Python).
        #expect(SampleHash.hash(Int64(90211)) == 0x516e_a147_af46_fc02)
        #expect(SampleHash.hash("90211") == 0x516e_a147_af46_fc02)
        #expect(SampleHash.hash("") == 0xf52a_15e9_a9b5_e89b)
        #expect(SampleHash.hash(Int64(-5)) == 0xe9a1_d8b4_dd46_42de)
        #expect(SampleHash.hash("tiktok:6812345") == 0xbb6f_2b9f_38bc_10ed)
    }

    @Test("An integer sample id hashes as its decimal text, at every length and group boundary")
    func sampleHashingOfIntegersMatchesTheirText() {
        var values: [UInt64] = [0, 1, 9, 10, 99, 100, 9_999, 10_000, 99_999_999, 100_000_000, 100_000_001,
                                1_000_000_007, 9_999_999_999_999_999, 10_000_000_000_000_000,
                                10_000_000_000_000_001, UInt64(Int64.max), UInt64.max]
        var random = SplitMixRandom(seed: 17)
        for _ in 0..<2000 { values.append(random.next() >> UInt64.random(in: 0..<64, using: &random)) }
        for value in values {
            #expect(SampleHash.hash(value) == SampleHash.hash(String(value)), "\(value)")
            if value <= UInt64(Int64.max) {
                #expect(SampleHash.hash(Int64(value)) == SampleHash.hash(String(value)), "\(value)")
                #expect(SampleHash.hash(-Int64(value)) == SampleHash.hash(String(-Int64(value))), "\(value)")
            }
        }
        #expect(SampleHash.hash(Int64.min) == SampleHash.hash(String(Int64.min)))
    }

    @Test("Price in USD: per_post else per_video, converted with the parser's rates")
    func priceUSD() throws {
        let rates = CurrencyRates(date: Timestamp(secondsSinceEpoch: 0), usdPerUnit: ["EUR": 2, "jpy": 0.01])
        let converting = ProfileParser(rates: rates)
        func usd(_ price: String) throws -> Double? {
            try #require(converting.profile(IngestFixture.minimal(#""price":\#(price)"#))).price?.usd
        }
        #expect(try usd(#"{"currency":"EUR","per_post":100,"per_video":500}"#) == 200)
        #expect(try usd(#"{"currency":"EUR","per_video":500,"per_live":900}"#) == 1000)
        #expect(try usd(#"{"currency":"JPY","per_post":5000}"#) == 50)
        #expect(try usd(#"{"currency":"USD","per_post":7}"#) == 7)
        #expect(try usd(#"{"currency":"EUR","per_live":900}"#) == nil)
        // A currency without a rate leaves the price unknown, never a guess.
        #expect(try usd(#"{"currency":"GBP","per_post":100}"#) == nil)
        let price = try #require(converting.profile(IngestFixture.minimal(#""price":{"currency":"GBP","per_post":100}"#))?.price)
        #expect(price.perPost == 100)
        #expect(price.currency == "GBP")
    }
}
