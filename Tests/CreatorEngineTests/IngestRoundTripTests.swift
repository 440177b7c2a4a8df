import CreatorEngine
import Testing

/// Property test: random valid profiles, written as dump lines by an independent JSON
/// writer, parse back to the same profile (with the derived values the spec defines).
@Suite("ProfileParser round trip: random valid profiles")
struct IngestRoundTripTests {
    /// A small deterministic generator (splitmix64), so a failure reproduces from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    /// Writes JSON the way different exporters do: escapes chosen at random (`\uXXXX`,
    /// surrogate pairs, `\/`), random whitespace, fields in random order, unknown fields.
    struct Writer {
        var random: SeededGenerator

        mutating func string(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += Bool.random(using: &random) ? "\\t" : "\\u0009"
                case "/": out += Bool.random(using: &random) ? "\\/" : "/"
                case _ where scalar.value < 0x20: out += "\\u" + hex4(scalar.value)
                case _ where scalar.value > 0x7F && Int.random(in: 0..<4, using: &random) == 0:
                    if scalar.value > 0xFFFF {
                        let value = scalar.value - 0x10000
                        out += "\\u" + hex4(0xD800 + (value >> 10)) + "\\u" + hex4(0xDC00 + (value & 0x3FF))
                    } else {
                        out += "\\u" + hex4(scalar.value)
                    }
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }

        func hex4(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: Bool(value % 2 == 0))
            return String(repeating: "0", count: 4 - digits.count) + digits
        }

        mutating func space() -> String { ["", "", " ", "\t", "  "].randomElement(using: &random)! }

        mutating func object(_ fields: [(String, String)]) -> String {
            var fields = fields
            fields.shuffle(using: &random)
            return "{" + space() + fields.map { string($0.0) + space() + ":" + space() + $0.1 }
                .joined(separator: space() + "," + space()) + space() + "}"
        }

        mutating func array(_ items: [String]) -> String { "[" + items.joined(separator: "," + space()) + "]" }
    }

    static let alphabet: [Character] = Array("abcxyz019 _-.:/\"\\\n\t\u{01}éßÆ美妆日记ภาษาไทย한국어🌿😀👍🏽") + ["\u{7F}", "\u{2028}"]

    struct Case {
        var profile: CreatorProfile
        var line: String
    }

    /// A random valid profile and its line.
    static func makeCase(seed: UInt64, rates: CurrencyRates) -> Case {
        var random = SeededGenerator(state: seed)
        var writer = Writer(random: SeededGenerator(state: seed ^ 0xDEAD_BEEF))
        func chance(_ percent: Int = 50) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        func text(_ range: ClosedRange<Int> = 0...30) -> String {
            String((0..<Int.random(in: range, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        func slug() -> String {
            String((0..<Int.random(in: 2...10, using: &random)).map { _ in "abcdefghijklmnopqrstuvwxyz-".randomElement(using: &random)! })
        }
        func letters(_ count: Int) -> String {
            String((0..<count).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".randomElement(using: &random)! })
        }
        func count() -> Int64 { chance(20) ? 0 : Int64.random(in: 0...(chance() ? 1000 : 5_000_000_000_000), using: &random) }
        func amount() -> Double { chance(30) ? Double(Int.random(in: 0...100_000, using: &random)) : Double.random(in: 0...1e7, using: &random) }
        func fraction() -> Double { chance(10) ? [0, 1].randomElement(using: &random)! : Double.random(in: 0...1, using: &random) }
        func timestamp() -> (Timestamp, String) {
            let seconds = Int64.random(in: 1_420_070_400...1_893_456_000, using: &random) // 2015–2030
            let stamp = Timestamp(secondsSinceEpoch: seconds)
            if chance() { return (Timestamp(secondsSinceEpoch: stamp.day * 86_400), stamp.dateString) }
            let inDay = seconds - stamp.day * 86_400
            func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return (stamp, "\(stamp.dateString)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z")
        }
        func number(_ value: Double) -> String { value == value.rounded() && chance() ? String(Int64(value)) : "\(value)" }

        let platform = Platform.allCases.randomElement(using: &random)!
        var handle = text(1...20)
        while handle.hasPrefix("@") { handle.removeFirst() }
        if handle.isEmpty { handle = "h" }
        let id = "\(platform.rawValue):" + text(1...40)
        var profile = CreatorProfile(id: id, platform: platform, handle: handle, followers: count())
        var fields: [(String, String)] = [
            ("id", writer.string(id)), ("platform", writer.string(platform.rawValue)),
            ("handle", writer.string(chance(30) ? "@" + handle : handle)), ("followers", "\(profile.followers)"),
        ]
        if chance() { profile.name = text(); fields.append(("name", writer.string(profile.name!))) }
        if chance() { profile.bio = text(0...200); fields.append(("bio", writer.string(profile.bio!))) }
        if chance() { profile.city = text(); fields.append(("city", writer.string(profile.city!))) }
        if chance() { profile.country = letters(2); fields.append(("country", writer.string(profile.country!))) }
        if chance() {
            let codes = ["en", "zh", "es", "pt", "id", "th", "ja", "ko", "ar", "vi", "fil"].shuffled(using: &random)
            profile.languages = Array(codes.prefix(Int.random(in: 0...4, using: &random)))
            fields.append(("languages", writer.array(profile.languages.map { writer.string($0) })))
        }
        if chance() {
            profile.categories = Array(Set((0..<Int.random(in: 0...4, using: &random)).map { _ in slug() }))
            fields.append(("categories", writer.array(profile.categories.map { writer.string($0) })))
        }
        if chance() {
            profile.hashtags = Array(Set((0..<Int.random(in: 0...6, using: &random)).map { _ in text(1...12) }
                .filter { !$0.hasPrefix("#") }))
            fields.append(("hashtags", writer.array(profile.hashtags.map { writer.string(chance() ? "#" + $0 : $0) })))
        }
        if chance() {
            var items: [String] = []
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                var post = Post()
                var postFields: [(String, String)] = []
                if chance(80) { post.caption = text(0...80); postFields.append(("caption", writer.string(post.caption!))) }
                if chance(80) {
                    let (stamp, written) = timestamp()
                    post.postedAt = stamp
                    postFields.append(("posted_at", writer.string(written)))
                }
                if chance(80) { post.likes = count(); postFields.append(("likes", "\(post.likes!)")) }
                if chance(80) { post.comments = count(); postFields.append(("comments", "\(post.comments!)")) }
                if chance(80) { post.views = count(); postFields.append(("views", "\(post.views!)")) }
                if chance(80) { post.shares = count(); postFields.append(("shares", "\(post.shares!)")) }
                if chance(80) { post.sponsored = chance(); postFields.append(("sponsored", "\(post.sponsored!)")) }
                if chance(10) { postFields.append(("provider_extra", "[1,{\"a\":null}]")) }
                profile.recentPosts.append(post)
                items.append(writer.object(postFields))
            }
            fields.append(("recent_posts", writer.array(items)))
        }
        if chance() { profile.following = count(); fields.append(("following", "\(profile.following!)")) }
        if chance() { profile.postsCount = count(); fields.append(("posts_count", "\(profile.postsCount!)")) }
        if chance(70) { profile.avgLikes = amount(); fields.append(("avg_likes", number(profile.avgLikes!))) }
        if chance(70) { profile.avgComments = amount(); fields.append(("avg_comments", number(profile.avgComments!))) }
        if chance(70) { profile.avgViews = amount(); fields.append(("avg_views", number(profile.avgViews!))) }
        if chance() { profile.avgShares = amount(); fields.append(("avg_shares", number(profile.avgShares!))) }
        if chance(30) {
            profile.engagementRate = fraction()
            profile.engagementRateProvided = true
            fields.append(("engagement_rate", number(profile.engagementRate!)))
        }
        if chance() {
            var day = Int64.random(in: 16_000...20_000, using: &random)
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                day += Int64.random(in: 1...30, using: &random)
                profile.followerHistory.append(HistoryPoint(date: Timestamp(secondsSinceEpoch: day * 86_400), followers: count()))
            }
            fields.append(("follower_history", writer.array(profile.followerHistory.map {
                writer.array([writer.string($0.date.dateString), "\($0.followers)"])
            })))
        }
        if chance() {
            var audience = Audience()
            var audienceFields: [(String, String)] = []
            func distribution(_ name: String, _ keys: [String]) -> Distribution? {
                guard chance() else { return nil }
                // Shares in thousandths that sum to 1000 exactly.
                let chosen = Array(keys.shuffled(using: &random).prefix(Int.random(in: 1...keys.count, using: &random)))
                var remaining = 1000
                var shares: [String: Double] = [:]
                for (index, key) in chosen.enumerated() {
                    let share = index == chosen.count - 1 ? remaining : Int.random(in: 0...remaining, using: &random)
                    remaining -= share
                    shares[key] = Double(share) / 1000
                }
                audienceFields.append((name, writer.object(shares.map { ($0.key, number($0.value)) })))
                return Distribution(shares).renormalised()
            }
            audience.countries = distribution("countries", ["US", "CN", "ID", "BR", "TH", "other"])
            audience.languages = distribution("languages", ["en", "zh", "pt", "th", "other"])
            audience.genders = distribution("genders", ["female", "male", "other"])
            audience.ages = distribution("ages", ["13-17", "18-24", "25-34", "35-44", "45-64", "65+"])
            audience.interests = distribution("interests", ["beauty", "gaming", "food", "free-tag"])
            if chance() { audience.credibility = fraction(); audienceFields.append(("credibility", number(audience.credibility!))) }
            if chance() {
                var items: [String] = []
                for _ in 0..<Int.random(in: 0...50, using: &random) {
                    if chance() {
                        let id = Int64.random(in: -1000...Int64.max, using: &random)
                        audience.sample.append(SampleHash.hash(id))
                        items.append("\(id)")
                    } else {
                        let id = text(1...16)
                        audience.sample.append(SampleHash.hash(id))
                        items.append(writer.string(id))
                    }
                }
                audienceFields.append(("sample", writer.array(items)))
            }
            profile.audience = audience
            fields.append(("audience", writer.object(audienceFields)))
        }
        if chance() {
            let currency = ["USD", "EUR", "CNY", "IDR", "XXX"].randomElement(using: &random)!
            var price = Price(currency: currency)
            var priceFields = [("currency", writer.string(chance(80) ? currency : currency.lowercased()))]
            if chance() { price.perPost = amount(); priceFields.append(("per_post", number(price.perPost!))) }
            if chance() { price.perVideo = amount(); priceFields.append(("per_video", number(price.perVideo!))) }
            if chance() { price.perLive = amount(); priceFields.append(("per_live", number(price.perLive!))) }
            price.usd = (price.perPost ?? price.perVideo).flatMap { rates.usd($0, currency: currency) }
            profile.price = price
            fields.append(("price", writer.object(priceFields)))
        }
        if chance() {
            var record = Collaborations()
            var recordFields: [(String, String)] = []
            if chance() { record.completed = count(); recordFields.append(("completed", "\(record.completed!)")) }
            if chance() { record.late = count(); recordFields.append(("late", "\(record.late!)")) }
            if chance() { record.ghosted = count(); recordFields.append(("ghosted", "\(record.ghosted!)")) }
            if chance() { record.disputes = count(); recordFields.append(("disputes", "\(record.disputes!)")) }
            if chance() {
                record.brands = Array(Set((0..<Int.random(in: 0...3, using: &random)).map { _ in text(1...15) }))
                recordFields.append(("brands", writer.array(record.brands.map { writer.string($0) })))
            }
            profile.collaborations = record
            fields.append(("collaborations", writer.object(recordFields)))
        }
        if chance() {
            var commerce = Commerce()
            var commerceFields: [(String, String)] = []
            if chance() { commerce.gmv30dUSD = amount(); commerceFields.append(("gmv_30d_usd", number(commerce.gmv30dUSD!))) }
            if chance() { commerce.unitsSold30d = count(); commerceFields.append(("units_sold_30d", "\(commerce.unitsSold30d!)")) }
            if chance() { commerce.gpmUSD = amount(); commerceFields.append(("gpm_usd", number(commerce.gpmUSD!))) }
            if chance() {
                commerce.sampleFulfilmentRate = fraction()
                commerceFields.append(("sample_fulfilment_rate", number(commerce.sampleFulfilmentRate!)))
            }
            if chance() { commerce.responseRate = fraction(); commerceFields.append(("response_rate", number(commerce.responseRate!))) }
            profile.commerce = commerce
            fields.append(("commerce", writer.object(commerceFields)))
        }
        if chance(20) {
            var record = Blacklisting()
            var recordFields: [(String, String)] = []
            if chance() { record.reason = text(); recordFields.append(("reason", writer.string(record.reason!))) }
            if chance() { record.source = text(); recordFields.append(("source", writer.string(record.source!))) }
            if chance() {
                let (stamp, written) = timestamp()
                record.since = stamp
                recordFields.append(("since", writer.string(written)))
            }
            profile.blacklisted = record
            fields.append(("blacklisted", writer.object(recordFields)))
        }
        if chance() { profile.contactAvailable = chance(); fields.append(("contact_available", "\(profile.contactAvailable!)")) }
        if chance() {
            let (stamp, written) = timestamp()
            profile.updatedAt = stamp
            fields.append(("updated_at", writer.string(written)))
        }
        if chance(30) { fields.append(("unknown_" + slug(), writer.object([("nested", writer.array(["1", "null", "true"]))]))) }
        if !profile.engagementRateProvided { profile.engagementRate = DerivedEngagement.rate(for: profile) }
        return Case(profile: profile, line: writer.object(fields))
    }

    @Test("2,000 random valid profiles parse back equal", arguments: 0..<4)
    func roundTrip(batch: UInt64) throws {
        let rates = CurrencyRates.builtIn
        let parser = ProfileParser(rates: rates)
        for index in 0..<500 as Range<UInt64> {
            let seed = batch * 1000 + index
            let testCase = Self.makeCase(seed: seed, rates: rates)
            let outcome = parser.parse(testCase.line)
            #expect(outcome == .accepted(testCase.profile), "seed \(seed): \(testCase.line)")
            if outcome != .accepted(testCase.profile) { return }
        }
    }

    @Test("Derived engagement agrees with the spec's formulas on random profiles")
    func derivedEngagement() {
        for seed in 0..<300 as Range<UInt64> {
            let profile = Self.makeCase(seed: seed, rates: .builtIn).profile
            guard !profile.engagementRateProvided else { continue }
            let likes = profile.avgLikes, comments = profile.avgComments
            let expected: Double? = switch profile.platform {
            case .instagram, .facebook, .x, .xiaohongshu:
                likes != nil && comments != nil && profile.followers > 0
                    ? (likes! + comments!) / Double(profile.followers) : nil
            case .tiktok, .douyin, .kuaishou, .youtube, .bilibili, .twitch:
                likes != nil && comments != nil && (profile.avgViews ?? 0) > 0
                    ? (likes! + comments! + (profile.avgShares ?? 0)) / profile.avgViews! : nil
            case .other: nil
            }
            #expect(profile.engagementRate == expected, "seed \(seed)")
        }
    }
}
