import CreatorEngine
import Testing

@Suite("ProfileParser: the spec's example and validation")
struct IngestProfileParserTests {
    let parser = ProfileParser()

    @Test("The spec's example is accepted with every field and derived value")
    func example() throws {
        let profile = try #require(parser.profile(IngestFixture.example))
        #expect(profile.id == "tiktok:6812345")
        #expect(profile.platform == .tiktok)
        #expect(profile.handle == "glowwithmei")
        #expect(profile.name == "Mei 美妆日记")
        #expect(profile.bio == "Clean skincare for sensitive skin 🌿 敏感肌护肤 | LA")
        #expect(profile.country == "US")
        #expect(profile.city == nil)
        #expect(profile.languages == ["en", "zh"])
        #expect(profile.categories == ["beauty", "skincare"])
        #expect(profile.hashtags == ["skincare", "cleanbeauty"])
        #expect(profile.recentPosts.isEmpty)
        #expect(profile.followers == 48_200)
        #expect(profile.following == 310)
        #expect(profile.postsCount == 412)
        #expect(profile.avgLikes == 2100)
        #expect(profile.avgComments == 85)
        #expect(profile.avgViews == 30_100)
        #expect(profile.avgShares == nil)
        // Derived: TikTok is view-driven, avg_shares missing counts 0: (2100 + 85) / 30100.
        #expect(profile.engagementRateProvided == false)
        #expect(abs(try #require(profile.engagementRate) - 0.072_591_362_126_245_85) < 1e-15)
        #expect(profile.tier == .micro)
        // Growth: (48200 - 45100) / 45100.
        #expect(abs(try #require(profile.growth) - 0.068_736_141_906_873_62) < 1e-15)
        #expect(profile.followerHistory.map(\.followers) == [45_100, 46_900, 48_200])
        #expect(profile.followerHistory.map(\.date.dateString) == ["2026-09-01", "2026-10-01", "2026-11-01"])

        let audience = try #require(profile.audience)
        let countries = try #require(audience.countries)
        #expect(countries.entries.map(\.key) == ["CA", "CN", "GB", "US", "other"])
        #expect(abs(countries.total - 1) < 1e-12)
        #expect(abs(countries.share(of: "US") - 0.52) < 1e-12)
        #expect(countries.share(of: "FR") == 0)
        #expect(abs(try #require(audience.genders).share(of: "female") - 0.78) < 1e-12)
        #expect(abs(try #require(audience.ages).share(of: "18-24") - 0.41) < 1e-12)
        #expect(audience.languages == nil)
        #expect(audience.interests == nil)
        #expect(audience.credibility == 0.88)
        #expect(audience.sample == [0x516e_a147_af46_fc02, SampleHash.hash(Int64(90412)), SampleHash.hash(Int64(118_723))])

        let price = try #require(profile.price)
        #expect(price == Price(currency: "USD", perVideo: 350, usd: 350))
        #expect(profile.collaborations == Collaborations(completed: 14, late: 1, ghosted: 0, disputes: 0, brands: ["Glow Recipe"]))
        #expect(profile.commerce == nil)
        #expect(profile.blacklisted == nil)
        #expect(profile.contactAvailable == nil)
        // 2026-11-01T00:00:00Z.
        #expect(profile.updatedAt?.secondsSinceEpoch == 1_793_491_200)
    }

    @Test("Lines that are not JSON objects are rejected with simdjson's reason")
    func notJSON() {
        #expect(parser.reason(#"{"id":"#)?.hasPrefix("not valid JSON: ") == true)
        #expect(parser.reason(IngestFixture.minimal(#""avg_likes":NaN"#))?.hasPrefix("not valid JSON: ") == true)
        #expect(parser.reason(#"{"id":"x:1",}"#)?.hasPrefix("not valid JSON: ") == true)
        #expect(parser.reason(IngestFixture.minimal() + " {}")?.hasPrefix("not valid JSON: ") == true)
        #expect(parser.reason("[1,2]") == "not a JSON object: got an array")
        #expect(parser.reason("42") == "not a JSON object: got 42")
        // Invalid UTF-8 inside a string: simdjson checks it.
        var bytes = Array(IngestFixture.minimal(#""bio":"ab""#).utf8)
        let index = try! #require(bytes.firstIndex(of: UInt8(ascii: "b"))) + 1
        bytes.insert(0xFF, at: index)
        let reason = bytes.withUnsafeBytes { parser.parse($0) }.rejectionReason
        #expect(reason?.hasPrefix("not valid JSON: ") == true)
        #expect(reason?.contains("UTF-8") == true)
    }

    @Test("Required fields: missing, null, wrong type, out of range", arguments: [
        (#"{"platform":"x","handle":"h","followers":1}"#, "missing required field 'id'"),
        (#"{"id":"a","handle":"h","followers":1}"#, "missing required field 'platform'"),
        (#"{"id":"a","platform":"x","followers":1}"#, "missing required field 'handle'"),
        (#"{"id":"a","platform":"x","handle":"h"}"#, "missing required field 'followers'"),
        (#"{"id":"a","platform":"x","handle":null,"followers":1}"#, "missing required field 'handle' (it is null)"),
        (#"{"id":"","platform":"x","handle":"h","followers":1}"#, "id: expected a string of 1–128 characters, got 0 characters"),
        (#"{"id":42,"platform":"x","handle":"h","followers":1}"#, "id: expected a string of 1–128 characters, got 42"),
        (#"{"id":"a","platform":"myspace","handle":"h","followers":1}"#,
         #"platform: expected one of tiktok, instagram, youtube, twitch, x, facebook, kuaishou, douyin, xiaohongshu, bilibili, other, got "myspace""#),
        (#"{"id":"a","platform":"x","handle":"@","followers":1}"#, #"handle: expected a non-empty handle, got "@""#),
        (#"{"id":"a","platform":"x","handle":"","followers":1}"#, #"handle: expected a non-empty handle, got """#),
        (#"{"id":"a","platform":"x","handle":"h","followers":-5}"#, "followers: expected an integer >= 0, got -5"),
        (#"{"id":"a","platform":"x","handle":"h","followers":12.5}"#, "followers: expected an integer >= 0, got 12.5"),
        (#"{"id":"a","platform":"x","handle":"h","followers":"1200"}"#, #"followers: expected an integer >= 0, got "1200""#),
        (#"{"id":"a","platform":"x","handle":"h","followers":18446744073709551615}"#,
         "followers: expected an integer >= 0, got 18446744073709551615 (too large)"),
        (#"{"id":"a","platform":"x","handle":"h","followers":1,"followers":2}"#, "field 'followers' appears twice"),
    ])
    func requiredFields(line: String, reason: String) {
        #expect(parser.reason(line) == reason)
    }

    @Test("An id counts characters (Unicode scalars), not bytes")
    func idLength() {
        let longest = String(repeating: "界", count: 128)
        #expect(parser.profile(#"{"id":"\#(longest)","platform":"x","handle":"h","followers":1}"#)?.id == longest)
        #expect(parser.reason(#"{"id":"\#(longest)a","platform":"x","handle":"h","followers":1}"#)
                == "id: expected a string of 1–128 characters, got 129 characters")
    }

    @Test("Optional fields of the wrong type or out of range reject the line, naming the field", arguments: [
        (#""bio":42"#, "bio: expected a string, got 42"),
        (#""name":["a"]"#, "name: expected a string, got an array"),
        (#""city":{}"#, "city: expected a string, got an object"),
        (#""country":"USA""#, #"country: expected an ISO 3166-1 alpha-2 code (2 letters), got "USA""#),
        (#""country":"U1""#, #"country: expected an ISO 3166-1 alpha-2 code (2 letters), got "U1""#),
        (#""languages":"en""#, #"languages: expected an array, got "en""#),
        (#""languages":["en","english"]"#, #"languages[1]: expected a BCP 47 language tag (en, pt-BR), got "english""#),
        (#""languages":["en-"]"#, #"languages[0]: expected a BCP 47 language tag (en, pt-BR), got "en-""#),
        (#""languages":[7]"#, "languages[0]: expected a BCP 47 language tag (en, pt-BR), got 7"),
        (#""categories":["beauty",""]"#, #"categories[1]: expected a non-empty string, got """#),
        (##""hashtags":["#"]"##, ##"hashtags[0]: expected a non-empty hashtag, got "#""##),
        (#""recent_posts":[5]"#, "recent_posts[0]: expected an object, got 5"),
        (#""recent_posts":[{},{"likes":-1}]"#, "recent_posts[1].likes: expected an integer >= 0, got -1"),
        (#""recent_posts":[{"comments":1.5}]"#, "recent_posts[0].comments: expected an integer >= 0, got 1.5"),
        (#""recent_posts":[{"views":"many"}]"#, #"recent_posts[0].views: expected an integer >= 0, got "many""#),
        (#""recent_posts":[{"shares":true}]"#, "recent_posts[0].shares: expected an integer >= 0, got true"),
        (#""recent_posts":[{"caption":1}]"#, "recent_posts[0].caption: expected a string, got 1"),
        (#""recent_posts":[{"posted_at":"yesterday"}]"#,
         #"recent_posts[0].posted_at: expected a date (YYYY-MM-DD or RFC 3339), got "yesterday""#),
        (#""recent_posts":[{"sponsored":"yes"}]"#, #"recent_posts[0].sponsored: expected true or false, got "yes""#),
        (#""following":-1"#, "following: expected an integer >= 0, got -1"),
        (#""posts_count":3.25"#, "posts_count: expected an integer >= 0, got 3.25"),
        (#""avg_likes":-1"#, "avg_likes: expected a number >= 0, got -1"),
        (#""avg_comments":"5""#, #"avg_comments: expected a number >= 0, got "5""#),
        (#""avg_views":-0.5"#, "avg_views: expected a number >= 0, got -0.5"),
        (#""avg_shares":null,"avg_shares":1"#, "field 'avg_shares' appears twice"),
        (#""engagement_rate":3.2"#, "engagement_rate: expected a fraction 0–1, got 3.2 (looks like a percent)"),
        (#""engagement_rate":-0.1"#, "engagement_rate: expected a fraction 0–1, got -0.1"),
        (#""follower_history":{}"#, "follower_history: expected an array, got an object"),
        (#""follower_history":[["2026-01-01"]]"#, "follower_history[0]: expected a [date, follower count] pair, got an array"),
        (#""follower_history":[[5, 1]]"#, "follower_history[0][0]: expected a date (YYYY-MM-DD or RFC 3339), got 5"),
        (#""follower_history":[["2026-02-30", 1]]"#,
         #"follower_history[0][0]: expected a date (YYYY-MM-DD or RFC 3339), got "2026-02-30""#),
        (#""follower_history":[["2026-01-01", -3]]"#, "follower_history[0][1]: expected an integer >= 0, got -3"),
        (#""audience":[]"#, "audience: expected an object, got an array"),
        (#""audience":{"countries":{"US":0.9,"CA":0.41}}"#, "audience.countries: shares sum to 1.31, outside 0.98–1.02"),
        (#""audience":{"countries":{}}"#, "audience.countries: shares sum to 0, outside 0.98–1.02"),
        (#""audience":{"countries":{"USA":1}}"#,
         #"audience.countries: unexpected key "USA" (expected ISO 3166-1 alpha-2 codes or other)"#),
        (#""audience":{"countries":{"US":1.5}}"#, "audience.countries.US: expected a fraction 0–1, got 1.5 (looks like a percent)"),
        (#""audience":{"countries":{"US":"1"}}"#, #"audience.countries.US: expected a fraction 0–1, got "1""#),
        (#""audience":{"languages":{"english":1}}"#,
         #"audience.languages: unexpected key "english" (expected BCP 47 language tags or other)"#),
        (#""audience":{"genders":{"female":0.5,"unknown":0.5}}"#,
         #"audience.genders: unexpected key "unknown" (expected female, male, other)"#),
        (#""audience":{"ages":{"55+":1}}"#,
         #"audience.ages: unexpected key "55+" (expected 13-17, 18-24, 25-34, 35-44, 45-64, 65+, other)"#),
        (#""audience":{"interests":{"beauty":0.5}}"#, "audience.interests: shares sum to 0.5, outside 0.98–1.02"),
        (#""audience":{"credibility":88}"#, "audience.credibility: expected a fraction 0–1, got 88 (looks like a percent)"),
        (#""audience":{"sample":[1,1.5]}"#, "audience.sample[1]: expected a non-empty string or an integer id, got 1.5"),
        (#""audience":{"sample":[""]}"#, #"audience.sample[0]: expected a non-empty string or an integer id, got """#),
        (#""audience":{"sample":"1,2"}"#, #"audience.sample: expected an array, got "1,2""#),
        (#""price":350"#, "price: expected an object, got 350"),
        (#""price":{"per_post":10}"#, "price: missing 'currency'"),
        (#""price":{"currency":"US","per_post":10}"#, #"price.currency: expected a 3-letter ISO 4217 code, got "US""#),
        (#""price":{"currency":"USD","per_post":-10}"#, "price.per_post: expected a number >= 0, got -10"),
        (#""price":{"currency":"USD","per_video":"10"}"#, #"price.per_video: expected a number >= 0, got "10""#),
        (#""price":{"currency":"USD","per_live":[]}"#, "price.per_live: expected a number >= 0, got an array"),
        (#""collaborations":{"ghosted":-1}"#, "collaborations.ghosted: expected an integer >= 0, got -1"),
        (#""collaborations":{"completed":"3"}"#, #"collaborations.completed: expected an integer >= 0, got "3""#),
        (#""collaborations":{"late":0.5}"#, "collaborations.late: expected an integer >= 0, got 0.5"),
        (#""collaborations":{"disputes":-2}"#, "collaborations.disputes: expected an integer >= 0, got -2"),
        (#""collaborations":{"brands":[1]}"#, "collaborations.brands[0]: expected a string, got 1"),
        (#""commerce":{"gmv_30d_usd":-1}"#, "commerce.gmv_30d_usd: expected a number >= 0, got -1"),
        (#""commerce":{"units_sold_30d":2.5}"#, "commerce.units_sold_30d: expected an integer >= 0, got 2.5"),
        (#""commerce":{"gpm_usd":"x"}"#, #"commerce.gpm_usd: expected a number >= 0, got "x""#),
        (#""commerce":{"sample_fulfilment_rate":1.2}"#,
         "commerce.sample_fulfilment_rate: expected a fraction 0–1, got 1.2 (looks like a percent)"),
        (#""commerce":{"response_rate":2}"#, "commerce.response_rate: expected a fraction 0–1, got 2 (looks like a percent)"),
        (#""blacklisted":true"#, "blacklisted: expected an object {reason, source, since} (or false), got true"),
        (#""blacklisted":{"since":"soon"}"#, #"blacklisted.since: expected a date (YYYY-MM-DD or RFC 3339), got "soon""#),
        (#""blacklisted":{"reason":5}"#, "blacklisted.reason: expected a string, got 5"),
        (#""contact_available":"yes""#, #"contact_available: expected true or false, got "yes""#),
        (#""updated_at":"11/01/2026""#, #"updated_at: expected a date (YYYY-MM-DD or RFC 3339), got "11/01/2026""#),
        (#""updated_at":"2026-11-01T25:00:00Z""#,
         #"updated_at: expected a date (YYYY-MM-DD or RFC 3339), got "2026-11-01T25:00:00Z""#),
    ])
    func optionalFields(fields: String, reason: String) {
        #expect(parser.reason(IngestFixture.minimal(fields)) == reason)
    }

    @Test("The first problem in field order is the one reported")
    func firstProblemWins() {
        #expect(parser.reason(IngestFixture.minimal(#""bio":1,"country":"USA""#)) == "bio: expected a string, got 1")
        #expect(parser.reason(#"{"followers":-1,"bio":1}"#) == "followers: expected an integer >= 0, got -1")
    }

    @Test("Long values are cut in reasons")
    func longValuesCut() throws {
        let long = String(repeating: "x", count: 200)
        let reason = try #require(parser.reason(IngestFixture.minimal(#""country":"\#(long)""#)))
        #expect(reason.count < 140)
        #expect(reason.hasSuffix("…\""))
    }

    @Test("Unknown fields are ignored; null optional fields are unknown")
    func unknownAndNull() throws {
        let line = IngestFixture.minimal(#""provider_score":{"deep":[1,{"x":null}]},"bio":null,"price":null,"recent_posts":[{"likes":null,"extra":1}]"#)
        let profile = try #require(parser.profile(line))
        #expect(profile.bio == nil)
        #expect(profile.price == nil)
        #expect(profile.recentPosts == [Post()])
    }

    @Test("Normalisation decisions: handle @, case of codes, pt-BR, hashtags, duplicates")
    func normalisation() throws {
        let line = ###"{"id":"x:1","platform":"TikTok","handle":"@mei","followers":1200.0,"country":"us","languages":["pt-BR","pt-PT","EN","zh_Hant"],"categories":["Beauty","beauty","Ünique"],"hashtags":["#skincare","skincare","##double","＃fullwidth"],"price":{"currency":"eur","per_post":10}}"###
        let profile = try #require(parser.profile(line))
        #expect(profile.platform == .tiktok)
        #expect(profile.handle == "mei")
        #expect(profile.followers == 1200)
        #expect(profile.country == "US")
        #expect(profile.languages == ["pt", "en", "zh"])
        #expect(profile.categories == ["beauty", "ünique"])
        #expect(profile.hashtags == ["skincare", "double", "fullwidth"])
        #expect(profile.price?.currency == "EUR")
        // Only one '@' is a prefix; the rest is the handle.
        #expect(parser.profile(#"{"id":"a","platform":"x","handle":"@@h","followers":1}"#)?.handle == "@h")
        // 1.2e3 is an integral number too.
        #expect(parser.profile(IngestFixture.minimal(followers: "1.2e3"))?.followers == 1200)
    }

    @Test("Recent posts are read with every field")
    func posts() throws {
        let line = IngestFixture.minimal(#""recent_posts":[{"caption":"Hi \"there\" 🌿\n#ootd","posted_at":"2026-10-02T08:30:00+08:00","likes":10,"comments":2,"views":300,"shares":1,"sponsored":true},{"caption":"second"}]"#)
        let profile = try #require(parser.profile(line))
        #expect(profile.recentPosts == [
            Post(caption: "Hi \"there\" 🌿\n#ootd", postedAt: Timestamp(secondsSinceEpoch: 1_790_901_000),
                 likes: 10, comments: 2, views: 300, shares: 1, sponsored: true),
            Post(caption: "second"),
        ])
    }

    @Test("Follower history out of order is sorted by date, stably")
    func historySorted() throws {
        let line = IngestFixture.minimal(#""follower_history":[["2026-11-01",30],["2026-09-01",10],["2026-10-01",20],["2026-09-01",11]]"#)
        let profile = try #require(parser.profile(line))
        #expect(profile.followerHistory.map(\.followers) == [10, 11, 20, 30])
        #expect(profile.growth == 2)
    }

    @Test("Commerce, blacklisting and contact are read; blacklisted false is not blacklisted")
    func commercialRecord() throws {
        let line = IngestFixture.minimal(#""commerce":{"gmv_30d_usd":1234.5,"units_sold_30d":77,"gpm_usd":12.25,"sample_fulfilment_rate":0.9,"response_rate":1},"blacklisted":{"reason":"ghosted a deal","source":"agency","since":"2026-03-04"},"contact_available":true"#)
        let profile = try #require(parser.profile(line))
        var commerce = Commerce()
        commerce.gmv30dUSD = 1234.5
        commerce.unitsSold30d = 77
        commerce.gpmUSD = 12.25
        commerce.sampleFulfilmentRate = 0.9
        commerce.responseRate = 1
        #expect(profile.commerce == commerce)
        #expect(profile.blacklisted == Blacklisting(reason: "ghosted a deal", source: "agency", since: Timestamp(parsing: "2026-03-04")))
        #expect(profile.contactAvailable == true)
        #expect(parser.profile(IngestFixture.minimal(#""blacklisted":false"#))?.blacklisted == nil)
    }

    @Test("One parser parses many lines; earlier profiles are unaffected by later parses")
    func reuse() throws {
        let first = try #require(parser.profile(IngestFixture.example))
        _ = parser.parse(IngestFixture.minimal(#""bio":"something else entirely, long enough to reuse buffers""#))
        _ = parser.parse("not json")
        let again = try #require(parser.profile(IngestFixture.example))
        #expect(first == again)
        #expect(first.name == "Mei 美妆日记")
    }
}
