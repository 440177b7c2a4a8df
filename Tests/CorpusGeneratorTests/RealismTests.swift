import CorpusGenerator
import Foundation
import Testing

@Suite("Realism")
struct RealismTests {
    let creators = GeneratedCorpus.standard.creators

    /// Where each content language's creators may live (an independent statement of the brief).
    static let countriesByLanguage: [String: Set<String>] = [
        "en": ["US", "GB", "CA", "AU", "NZ", "IE", "PH", "NG", "IN", "ZA", "KE", "SG"],
        "es": ["ES", "MX", "AR", "CO", "CL", "PE", "US"], "pt": ["BR", "PT"], "id": ["ID"], "th": ["TH"],
        "vi": ["VN", "US"], "zh": ["CN", "TW", "HK", "SG", "MY"], "ja": ["JP"], "ko": ["KR"],
        "ar": ["SA", "AE", "EG", "MA"], "ru": ["RU", "KZ", "BY"], "de": ["DE", "AT", "CH"],
        "fr": ["FR", "BE", "CA", "CH", "MA"], "tr": ["TR", "DE"], "hi": ["IN"], "it": ["IT", "CH"],
    ]

    /// Script ranges that text in a language must use.
    static let scripts: [String: [ClosedRange<UInt32>]] = [
        "th": [0x0E00...0x0E7F], "zh": [0x4E00...0x9FFF], "ja": [0x3040...0x30FF], "ko": [0xAC00...0xD7AF],
        "ar": [0x0600...0x06FF], "ru": [0x0400...0x04FF], "hi": [0x0900...0x097F],
    ]

    static func primaryLanguage(_ profile: [String: Any]) -> String? {
        (profile["languages"] as? [String])?.first.map { String($0.prefix { $0 != "-" }) }
    }

    @Test("at least 12 content languages among 2,000 creators, each written in its own script")
    func languageCoverage() {
        var byLanguage: [String: [[String: Any]]] = [:]
        for creator in creators {
            if let language = Self.primaryLanguage(creator.profile) { byLanguage[language, default: []].append(creator.profile) }
        }
        #expect(byLanguage.filter { $0.value.count >= 10 }.count >= 12, "languages: \(byLanguage.mapValues(\.count))")
        for (language, ranges) in Self.scripts {
            let profiles = byLanguage[language] ?? []
            #expect(profiles.count >= 10, "\(language)")
            let written = profiles.filter { ProfileAnalysis.contains(ProfileAnalysis.text($0), scalarsIn: ranges) }
            #expect(Double(written.count) >= 0.85 * Double(profiles.count), "\(language): \(written.count)/\(profiles.count)")
        }
        // Latin-script languages show their diacritics.
        for (language, marks) in [("vi", "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ"), ("tr", "çğışöüİ"), ("fr", "éèêàçù")] {
            let profiles = byLanguage[language] ?? []
            let accented = profiles.filter { ProfileAnalysis.text($0).contains { marks.contains($0) } }
            #expect(Double(accented.count) >= 0.6 * Double(profiles.count), "\(language)")
        }
    }

    @Test("countries agree with languages")
    func countryMatchesLanguage() {
        var checked = 0
        for creator in creators {
            guard let language = Self.primaryLanguage(creator.profile), let country = creator.profile.string("country"),
                  let allowed = Self.countriesByLanguage[language] else { continue }
            checked += 1
            #expect(allowed.contains(country), "\(language) creator in \(country)")
        }
        #expect(checked > creators.count / 2)
    }

    @Test("Chinese creators in Taiwan and Hong Kong write traditional characters, in mainland China simplified")
    func chineseScripts() {
        let traditional = Set("護膚與們這個開關錶飾鍊機車運動學習書讀業配團實況遊戲穿搭時尚貓攝影體說話")
        let simplified = Set("护肤与们这个开关表饰链机车运动学习书读测评种草游戏时尚猫摄影体说话")
        var tw = (all: 0, hit: 0)
        var cn = (all: 0, hit: 0)
        for creator in creators where Self.primaryLanguage(creator.profile) == "zh" {
            let text = ProfileAnalysis.text(creator.profile)
            switch creator.profile.string("country") {
            case "TW", "HK":
                tw.all += 1
                if text.contains(where: traditional.contains) && !text.contains(where: { simplified.contains($0) && !traditional.contains($0) }) { tw.hit += 1 }
            case "CN":
                cn.all += 1
                if text.contains(where: { simplified.contains($0) && !traditional.contains($0) }) { cn.hit += 1 }
            default: break
            }
        }
        #expect(tw.all >= 5 && cn.all >= 20)
        #expect(Double(tw.hit) >= 0.8 * Double(tw.all), "traditional: \(tw)")
        #expect(Double(cn.hit) >= 0.8 * Double(cn.all), "simplified: \(cn)")
    }

    @Test("scripts mix: CJK and Thai text with Latin words, emoji, hashtags and brand mentions")
    func mixedScripts() {
        let asian = creators.filter { ["zh", "ja", "th", "ko"].contains(Self.primaryLanguage($0.profile) ?? "") }
        let withLatin = asian.filter { ProfileAnalysis.text($0.profile).contains { $0.isASCII && $0.isLetter } }
        #expect(Double(withLatin.count) >= 0.3 * Double(asian.count))
        let all = creators.map { ProfileAnalysis.text($0.profile) }
        #expect(all.filter { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } }.count > creators.count / 2)
        #expect(all.filter { $0.contains("#") }.count > creators.count / 2)
        #expect(all.filter { $0.contains("@") }.count > creators.count / 10)
    }

    @Test("follower tiers have realistic shares: most nano and micro, few macro and mega")
    func tierShares() {
        var counts: [String: Int] = [:]
        for creator in creators {
            counts[ProfileAnalysis.tier(creator.profile.double("followers") ?? 0), default: 0] += 1
        }
        let share = { (tier: String) in Double(counts[tier] ?? 0) / Double(creators.count) }
        #expect((0.45...0.75).contains(share("nano")), "\(counts)")
        #expect((0.15...0.35).contains(share("micro")), "\(counts)")
        #expect((0.05...0.2).contains(share("mid")), "\(counts)")
        #expect((0.001...0.03).contains(share("macro")), "\(counts)")
        #expect((0.001...0.03).contains(share("mega")), "\(counts)")
    }

    @Test("all platforms occur; TikTok, Instagram and YouTube dominate")
    func platformMix() {
        var counts: [String: Int] = [:]
        for creator in creators { counts[creator.profile.string("platform") ?? "", default: 0] += 1 }
        #expect(Set(counts.keys) == StrictProfileCheck.platforms, "\(counts)")
        let big = (counts["tiktok"] ?? 0) + (counts["instagram"] ?? 0) + (counts["youtube"] ?? 0)
        #expect(Double(big) >= 0.6 * Double(creators.count))
    }

    @Test("engagement falls with follower count and is higher on TikTok than on Instagram")
    func engagementShape() throws {
        var byTier: [String: [String: [Double]]] = [:]
        for creator in creators where creator.label.fraud.isEmpty {
            guard let rate = ProfileAnalysis.engagementRate(creator.profile), let platform = creator.profile.string("platform")
            else { continue }
            byTier[platform, default: [:]][ProfileAnalysis.tier(creator.profile.double("followers") ?? 0), default: []].append(rate)
        }
        let instagram = try #require(byTier["instagram"])
        let nano = try #require(ProfileAnalysis.median(instagram["nano"] ?? []))
        let micro = try #require(ProfileAnalysis.median(instagram["micro"] ?? []))
        let mid = try #require(ProfileAnalysis.median(instagram["mid"] ?? []))
        #expect(nano > micro && micro > mid, "instagram medians \(nano) \(micro) \(mid)")
        let tiktok = try #require(ProfileAnalysis.median(byTier["tiktok"]?["nano"] ?? []))
        #expect(tiktok > nano)
    }

    @Test("averages are the means of the recent posts; provided rates follow the format's rule")
    func averagesAgreeWithPosts() {
        var checked = 0
        for creator in creators {
            let profile = creator.profile
            guard let posts = profile["recent_posts"] as? [[String: Any]], !posts.isEmpty,
                  let likes = profile.double("avg_likes") else { continue }
            let mean = posts.reduce(0.0) { $0 + ($1.double("likes") ?? 0) } / Double(posts.count)
            #expect(abs(mean - likes) <= 0.51, "\(creator.label.id): \(mean) vs \(likes)")
            if let provided = profile.double("engagement_rate") {
                var copy = profile
                copy["engagement_rate"] = nil
                if let derived = ProfileAnalysis.engagementRate(copy) {
                    #expect(abs(provided - derived) <= 0.00001 + 0.001 * derived)
                }
            }
            checked += 1
        }
        #expect(checked > creators.count / 2)
    }

    @Test("follower history: oldest first, ending at the follower count, about six months of points")
    func historyShape() {
        var checked = 0
        for creator in creators {
            guard let points = creator.profile["follower_history"] as? [[Any]], points.count >= 2 else { continue }
            let days = points.compactMap { ($0.first as? String).flatMap(StrictProfileCheck.date) }
            #expect(days == days.sorted() && Set(days).count == days.count)
            let counts = ProfileAnalysis.historyCounts(creator.profile) ?? []
            #expect(counts.last == creator.profile.double("followers"))
            if points.count >= 20 { #expect((150...190).contains((days.last ?? 0) - (days.first ?? 0))) }
            checked += 1
        }
        #expect(checked > creators.count / 2)
    }

    @Test("audience distributions sum to 0.98–1.02; genders follow the niche")
    func audienceShape() throws {
        var beauty: [Double] = []
        var gaming: [Double] = []
        for creator in creators {
            guard let audience = creator.profile.object("audience") else { continue }
            for key in ["countries", "languages", "genders", "ages", "interests"] {
                guard let shares = audience[key] as? [String: NSNumber] else { continue }
                let sum = shares.values.reduce(0) { $0 + $1.doubleValue }
                #expect((0.98...1.02).contains(sum), "\(key) \(sum)")
            }
            if let female = (audience["genders"] as? [String: NSNumber])?["female"]?.doubleValue,
               let category = (creator.profile["categories"] as? [String])?.first {
                if category == "beauty" || category == "makeup" { beauty.append(female) }
                if category == "gaming" { gaming.append(female) }
            }
        }
        #expect(try #require(ProfileAnalysis.median(beauty)) > 0.7)
        #expect(try #require(ProfileAnalysis.median(gaming)) < 0.4)
    }

    @Test("prices: mostly USD, several local currencies, larger creators charge more")
    func prices() throws {
        var currencies: [String: Int] = [:]
        var small: [Double] = []
        var large: [Double] = []
        for creator in creators {
            guard let price = creator.profile.object("price"), let currency = price.string("currency") else { continue }
            currencies[currency, default: 0] += 1
            guard currency == "USD", let amount = price.double("per_post") ?? price.double("per_video") else { continue }
            let followers = creator.profile.double("followers") ?? 0
            if followers < 10_000 { small.append(amount) } else if followers > 100_000 { large.append(amount) }
        }
        let total = currencies.values.reduce(0, +)
        #expect(Double(currencies["USD"] ?? 0) >= 0.5 * Double(total))
        #expect(currencies.count >= 8, "\(currencies)")
        #expect(try #require(ProfileAnalysis.median(large)) > 5 * (try #require(ProfileAnalysis.median(small))))
    }

    @Test("updated_at is mostly recent, sometimes stale")
    func freshness() {
        let reference = StrictProfileCheck.date("2026-11-15") ?? 0
        let ages = creators.compactMap { ($0.profile.string("updated_at")).flatMap(StrictProfileCheck.date).map { reference - $0 } }
        #expect(ages.count == creators.count)
        #expect(ages.filter { $0 >= 0 && $0 <= 60 }.count > creators.count * 6 / 10)
        #expect(ages.filter { $0 > 180 }.count > creators.count / 50)
        #expect(ages.allSatisfy { $0 >= 0 })
    }

    @Test("caption hashtags come from the creator's hashtag set")
    func hashtagsAgree() {
        var used = 0
        var known = 0
        for creator in creators {
            guard let tags = creator.profile["hashtags"] as? [String],
                  let posts = creator.profile["recent_posts"] as? [[String: Any]] else { continue }
            let set = Set(tags.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 })
            for caption in posts.compactMap({ $0.string("caption") }) {
                // Hashtags are appended after the text: the trailing run of #words.
                for word in caption.split(separator: " ").reversed() {
                    guard word.hasPrefix("#") else { break }
                    used += 1
                    if set.contains(String(word.dropFirst())) { known += 1 }
                }
            }
        }
        #expect(used > 1_000)
        #expect(Double(known) >= 0.85 * Double(used))
    }

    @Test("follower samples: 100–2,000 ids, integers and strings both occur")
    func sampleShape() {
        var sizes: [Int] = []
        var strings = 0
        for creator in creators {
            guard let ids = creator.profile.object("audience")?["sample"] as? [Any] else { continue }
            sizes.append(ids.count)
            if ids.contains(where: { $0 is String }) { strings += 1 }
        }
        #expect(sizes.count > creators.count / 2)
        #expect(sizes.allSatisfy { (100...2_000).contains($0) })
        #expect(strings > 0 && strings < sizes.count / 2)
    }
}
