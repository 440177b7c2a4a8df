import Foundation

/// The dump format's validation rules (`profile-dump.md`), written independently of the
/// generator: returns why a line must be rejected, or nil for a valid profile line.
enum StrictProfileCheck {
    static let platforms: Set<String> = ["tiktok", "instagram", "youtube", "twitch", "x", "facebook", "kuaishou", "douyin",
                                         "xiaohongshu", "bilibili", "other"]
    static let ageBuckets: Set<String> = ["13-17", "18-24", "25-34", "35-44", "45-64", "65+", "other"]

    static func problem(_ line: [UInt8]) -> String? {
        problem(line, parsed: try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    /// `parsed`: the line already read with `JSONSerialization` (nil if it is not an object).
    static func problem(_ line: [UInt8], parsed: [String: Any]?) -> String? {
        guard StrictJSONSyntax.isValid(line) else { return "not valid JSON" }
        guard let object = parsed else { return "not a JSON object" }
        return problem(object)
    }

    static func problem(_ profile: [String: Any]) -> String? {
        guard let id = profile["id"] as? String, (1...128).contains(id.unicodeScalars.count) else { return "id" }
        guard let platform = profile["platform"] as? String, platforms.contains(platform) else { return "platform" }
        guard let handle = profile["handle"] as? String, !handle.isEmpty else { return "handle" }
        guard let followers = profile["followers"], isCount(followers) else { return "followers" }
        for key in ["name", "bio", "city"] where profile[key] != nil && !(profile[key] is String) { return key }
        if let country = profile["country"] {
            guard let code = country as? String, code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                return "country"
            }
        }
        for key in ["languages", "categories", "hashtags"] {
            if let list = profile[key] {
                guard let strings = list as? [Any], strings.allSatisfy({ ($0 as? String).map { !$0.isEmpty } ?? false }) else {
                    return key
                }
            }
        }
        for key in ["following", "posts_count"] where profile[key] != nil && !isCount(profile[key]!) { return key }
        for key in ["avg_likes", "avg_comments", "avg_views", "avg_shares"] where profile[key] != nil {
            guard let value = number(profile[key]!), value >= 0 else { return key }
        }
        if let rate = profile["engagement_rate"] {
            guard let value = number(rate), (0...1).contains(value) else { return "engagement_rate" }
        }
        if let posts = profile["recent_posts"] {
            guard let list = posts as? [Any] else { return "recent_posts" }
            for item in list {
                guard let post = item as? [String: Any] else { return "recent_posts item" }
                if let caption = post["caption"], !(caption is String) { return "caption" }
                if let date = post["posted_at"], !isDate(date) { return "posted_at" }
                for key in ["likes", "comments", "views", "shares"] where post[key] != nil && !isCount(post[key]!) {
                    return "post " + key
                }
                if let sponsored = post["sponsored"], !isBool(sponsored) { return "sponsored" }
            }
        }
        if let history = profile["follower_history"] {
            guard let points = history as? [Any] else { return "follower_history" }
            for point in points {
                guard let pair = point as? [Any], pair.count == 2, isDate(pair[0]), isCount(pair[1]) else {
                    return "follower_history point"
                }
            }
        }
        if let audience = profile["audience"] {
            guard let object = audience as? [String: Any] else { return "audience" }
            if let issue = audienceProblem(object) { return issue }
        }
        if let price = profile["price"] {
            guard let object = price as? [String: Any], let currency = object["currency"] as? String, currency.count == 3
            else { return "price" }
            for key in ["per_post", "per_video", "per_live"] where object[key] != nil {
                guard let value = number(object[key]!), value >= 0 else { return "price " + key }
            }
        }
        if let deals = profile["collaborations"] {
            guard let object = deals as? [String: Any] else { return "collaborations" }
            for key in ["completed", "late", "ghosted", "disputes"] where object[key] != nil && !isCount(object[key]!) {
                return "collaborations " + key
            }
        }
        if let commerce = profile["commerce"] {
            guard let object = commerce as? [String: Any] else { return "commerce" }
            for key in ["sample_fulfilment_rate", "response_rate"] where object[key] != nil {
                guard let value = number(object[key]!), (0...1).contains(value) else { return "commerce " + key }
            }
        }
        if let blacklisted = profile["blacklisted"] {
            guard let object = blacklisted as? [String: Any] else { return "blacklisted" }
            if let since = object["since"], !isDate(since) { return "blacklisted.since" }
        }
        if let contact = profile["contact_available"], !isBool(contact) { return "contact_available" }
        if let updated = profile["updated_at"], !isDate(updated) { return "updated_at" }
        return nil
    }

    static func audienceProblem(_ audience: [String: Any]) -> String? {
        for key in ["countries", "languages", "genders", "ages", "interests"] {
            guard let value = audience[key] else { continue }
            guard let shares = value as? [String: Any] else { return "audience." + key }
            var sum = 0.0
            for (name, share) in shares {
                guard let fraction = number(share), (0...1).contains(fraction) else { return "audience.\(key) share" }
                if key == "ages" && !ageBuckets.contains(name) { return "audience.ages key" }
                if key == "genders" && !["female", "male", "other"].contains(name) { return "audience.genders key" }
                sum += fraction
            }
            guard (0.98...1.02).contains(sum) else { return "audience.\(key) sum \(sum)" }
        }
        if let credibility = audience["credibility"] {
            guard let value = number(credibility), (0...1).contains(value) else { return "audience.credibility" }
        }
        if let sample = audience["sample"] {
            guard let ids = sample as? [Any] else { return "audience.sample" }
            for id in ids where !((id as? String).map { !$0.isEmpty } ?? isCount(id)) { return "audience.sample id" }
        }
        return nil
    }

    // MARK: Typed values from JSONSerialization

    static func isBool(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean") || (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    static func number(_ value: Any) -> Double? {
        guard !isBool(value), let number = value as? NSNumber else { return nil }
        let result = number.doubleValue
        return result.isFinite ? result : nil
    }

    /// An integer >= 0 (a number with a zero fraction counts, as the format's readers accept it).
    static func isCount(_ value: Any) -> Bool {
        guard let result = number(value) else { return false }
        return result >= 0 && result == result.rounded()
    }

    static func isDate(_ value: Any) -> Bool {
        guard let text = value as? String else { return false }
        return date(text) != nil
    }

    /// Days since 1970 of `YYYY-MM-DD` or an RFC 3339 timestamp's date (time fields checked).
    static func date(_ text: String) -> Int? {
        let characters = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            var value = 0
            for index in range {
                guard characters[index] >= 48, characters[index] <= 57 else { return nil }
                value = value * 10 + Int(characters[index] - 48)
            }
            return value
        }
        guard characters.count >= 10, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10), (1...12).contains(month)
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day >= 1, day <= monthLengths[month - 1] else { return nil }
        if characters.count > 10 {
            // THH:MM:SS[.fraction](Z|±HH:MM)
            guard characters.count >= 20, characters[10] == UInt8(ascii: "T"), characters[13] == UInt8(ascii: ":"),
                  characters[16] == UInt8(ascii: ":"), let hour = digits(11..<13), let minute = digits(14..<16),
                  let second = digits(17..<19), hour < 24, minute < 60, second < 61 else { return nil }
            var index = 19
            if characters[index] == UInt8(ascii: ".") {
                index += 1
                while index < characters.count, characters[index] >= 48, characters[index] <= 57 { index += 1 }
            }
            guard index < characters.count else { return nil }
            if characters[index] == UInt8(ascii: "Z") {
                guard index + 1 == characters.count else { return nil }
            } else {
                guard characters[index] == UInt8(ascii: "+") || characters[index] == UInt8(ascii: "-"),
                      index + 6 == characters.count, characters[index + 3] == UInt8(ascii: ":"),
                      let offsetHours = digits((index + 1)..<(index + 3)), let offsetMinutes = digits((index + 4)..<(index + 6)),
                      offsetHours < 24, offsetMinutes < 60 else { return nil }
            }
        }
        // Days from civil (Howard Hinnant), for comparisons in tests.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }
}
