import Foundation
@testable import CreatorEngine

/// Small, varied dump lines for build tests, made from a seed.
enum DumpFixtures {
    static let countries = ["US", "BR", "ID", "TH", "CN", "JP", "KR", "SA", "VN", "ES", "DE", "FR", "RU", "TR"]
    static let languages = ["en", "pt", "id", "th", "zh", "ja", "ko", "ar", "vi", "es", "de", "fr", "ru", "tr"]
    static let bios = [
        "Clean skincare for sensitive skin 🌿", "敏感肌护肤 日常分享", "護膚達人 分享保養心得", "スキンケアと美容液のレビュー",
        "스킨케어 루틴 공유", "รีวิวสกินแคร์ ครีมกันแดด", "العناية بالبشرة والمكياج", "Chăm sóc da mỗi ngày",
        "Cuidado de la piel y maquillaje", "Cuidados com a pele e beleza", "Perawatan kulit dan makeup",
        "Hautpflege für jeden Tag", "Soins de la peau et café ☕", "Уход за кожей и макияж", "Cilt bakımı ve makyaj",
        "Gaming every night 🎮 #gaming @twitch", "Fitness coach 💪 #fitness #gym",
    ]
    static let categories = ["beauty", "skincare", "makeup", "gaming", "fitness", "food", "travel", "tech"]
    static let platforms = ["tiktok", "instagram", "youtube", "douyin", "xiaohongshu", "x", "other"]

    /// A valid profile as a JSON object; `index` picks the variety.
    static func profile(_ index: Int, seed: Int = 0, updatedAt: String? = "2026-11-01") -> [String: Any] {
        let mix = (index &* 2654435761 &+ seed &* 40503) & 0x7FFF_FFFF
        let country = countries[mix % countries.count]
        var profile: [String: Any] = [
            "id": "p:\(index)",
            "platform": platforms[(mix / 7) % platforms.count],
            "handle": "creator\(index)",
            "followers": [500, 9_999, 10_000, 49_999, 50_000, 499_999, 500_000, 999_999, 1_000_000, 3_000_000][(mix / 3) % 10] + mix % 97,
            "bio": bios[mix % bios.count] + " #tag\(mix % 5)",
            "country": country,
            "languages": [languages[mix % languages.count]],
            "categories": [categories[mix % categories.count], categories[(mix / 11) % categories.count]],
            "hashtags": ["#tag\(mix % 5)", "Café\(mix % 3)"],
            "recent_posts": (0..<3).map { post in
                ["caption": "\(bios[(mix + post) % bios.count]) #post\(post)", "likes": 10 * post, "comments": post, "views": 100 + post]
            },
        ]
        if mix % 4 != 0 { profile["avg_likes"] = Double(mix % 1000); profile["avg_comments"] = Double(mix % 50); profile["avg_views"] = Double(1 + mix % 20_000) }
        if mix % 5 != 0 {
            profile["audience"] = [
                "countries": [country: 0.6, "other": 0.4],
                "genders": ["female": Double(mix % 100) / 100, "male": 1 - Double(mix % 100) / 100],
                "credibility": Double(50 + mix % 50) / 100,
                // Keys of their own: a build of 300 has more than 256 interest keys, which the
                // index stores as two-byte key ids (the other dimensions take one byte).
                "interests": ["interest\(index)": 0.25, "topic\(index)": 0.25, categories[mix % categories.count]: 0.5],
                "sample": (0..<(20 + mix % 50)).map { ($0 * 7 + mix % 300) },
            ]
        }
        // A few wide distributions: 255 entries or more are counted apart in the forward
        // audience sections (`AudienceReader`), two of them (7, 9) within one group of 16.
        if let width = [7: 254, 9: 400, 57: 255, 107: 256, 157: 300, 207: 700][index], var audience = profile["audience"] as? [String: Any] {
            audience["interests"] = Dictionary(uniqueKeysWithValues: (0..<width).map { ("wide\($0)", 1 / Double(width)) })
            profile["audience"] = audience
        }
        if mix % 3 == 0 { profile["price"] = ["currency": ["USD", "EUR", "CNY", "XXX"][mix % 4], "per_post": Double(mix % 900)] }
        if mix % 6 == 0 { profile["follower_history"] = [["2026-09-01", 100 + mix % 50], ["2026-10-01", 150 + mix % 70]] }
        if let updatedAt { profile["updated_at"] = updatedAt }
        return profile
    }

    static func line(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Lines that must be rejected, each with a fragment its reason must contain.
    static let malformed: [(line: String, reason: String)] = [
        ("{not json", "not valid JSON"),
        (#"{"id":"m:1","platform":"tiktok","handle":"x"}"#, "followers"),
        (#"{"id":"m:2","platform":"myspace","handle":"x","followers":1}"#, "platform"),
        (#"{"id":"m:3","platform":"tiktok","handle":"x","followers":-5}"#, "followers"),
        (#"{"id":"m:4","platform":"tiktok","handle":"x","followers":10,"engagement_rate":3.5}"#, "engagement_rate"),
        (#"{"id":"m:5","platform":"tiktok","handle":"x","followers":10,"audience":{"countries":{"US":0.9,"BR":0.4}}}"#, "audience.countries"),
        (#"{"id":"m:6","platform":"tiktok","handle":"x","followers":10,"updated_at":"yesterday"}"#, "updated_at"),
        (#"[1,2,3]"#, ""),
        (#"{"platform":"tiktok","handle":"x","followers":10}"#, "id"),
    ]
}
