/// Writes a `CreatorRecord` as one dump line (without the newline), in the exact format of
/// `profile-dump.md`. A `Defect` makes the writer break one field on purpose (the malformed
/// lines); everything else is written as valid as the format requires.
struct CreatorJSONWriter {
    /// A field-level defect (the byte-level ones, such as truncation, are applied after writing).
    enum Defect: Sendable {
        case followersAsText
        case languagesAsString
        case postLikesAsText
        case negativeFollowers
        case omit(RequiredField)
        case null(RequiredField)
        case platform(String)
        case audienceSumScaled
        case engagementRatePercent
        case credibilityPercent
        case updatedAt(String)
        case historyDate(String)
        case longID
    }

    enum RequiredField: Sendable { case id, platform, handle, followers }

    private(set) var json = JSONBuffer(capacity: 16_384)

    mutating func reset() { json.reset() }

    var bytes: [UInt8] { json.bytes }

    mutating func write(_ creator: CreatorRecord, defect: Defect? = nil) {
        json.beginObject()
        writeIdentity(creator, defect: defect)
        writeProfile(creator, defect: defect)
        writeCounts(creator, defect: defect)
        if let history = creator.history { writeHistory(history, defect: defect) }
        if let audience = creator.audience { writeAudience(audience, defect: defect) }
        writeCommercial(creator)
        if let posts = creator.posts { writePosts(posts, creator: creator, defect: defect) }
        json.key("updated_at")
        if case .updatedAt(let text) = defect {
            json.string(text)
        } else {
            writeMoment(creator.updatedAt, timestamps: creator.writesTimestamps)
        }
        for field in creator.extraFields {
            json.key(field.key)
            json.rawValue(field.json)
        }
        json.endObject()
    }

    private mutating func writeIdentity(_ creator: CreatorRecord, defect: Defect?) {
        if !isOmitted(.id, defect) {
            json.key("id")
            if isNulled(.id, defect) {
                json.null()
            } else if case .longID = defect {
                var long = creator.id
                while long.count <= 140 { long.append(contentsOf: creator.handle) }
                json.string(long)
            } else {
                json.string(creator.id)
            }
        }
        if !isOmitted(.platform, defect) {
            json.key("platform")
            if isNulled(.platform, defect) {
                json.null()
            } else if case .platform(let name) = defect {
                json.string(name)
            } else {
                json.string(creator.platform.name)
            }
        }
        if !isOmitted(.handle, defect) {
            json.key("handle")
            if isNulled(.handle, defect) { json.null() } else { json.string(creator.handle) }
        }
    }

    private mutating func writeProfile(_ creator: CreatorRecord, defect: Defect?) {
        if let name = creator.name { json.key("name"); json.string(name) }
        if let bio = creator.bio { json.key("bio"); json.string(bio) }
        if let country = creator.country { json.key("country"); json.string(country) }
        if let city = creator.city { json.key("city"); json.string(city) }
        if case .languagesAsString = defect {
            json.key("languages")
            json.string(creator.languages?.first ?? "en")
        } else if let languages = creator.languages {
            json.key("languages")
            json.beginArray()
            for language in languages { json.string(language) }
            json.endArray()
        }
        if let categories = creator.categories {
            json.key("categories")
            json.beginArray()
            for category in categories { json.string(category) }
            json.endArray()
        }
        if let hashtags = creator.hashtags {
            json.key("hashtags")
            json.beginArray()
            for tag in hashtags { json.string(tag) }
            json.endArray()
        }
    }

    private mutating func writeCounts(_ creator: CreatorRecord, defect: Defect?) {
        if !isOmitted(.followers, defect) {
            json.key("followers")
            switch defect {
            case .null(.followers)?: json.null()
            case .followersAsText?: json.string(Self.abbreviated(creator.followers))
            case .negativeFollowers?: json.integer(-max(1, creator.followers))
            default: json.integer(creator.followers)
            }
        }
        if let following = creator.following { json.key("following"); json.integer(following) }
        if let postsCount = creator.postsCount { json.key("posts_count"); json.integer(postsCount) }
        if let averages = creator.averages {
            json.key("avg_likes"); json.decimal(averages.likes, places: averages.places)
            json.key("avg_comments"); json.decimal(averages.comments, places: averages.places)
            if let views = averages.views { json.key("avg_views"); json.decimal(views, places: averages.places) }
            if let shares = averages.shares { json.key("avg_shares"); json.decimal(shares, places: averages.places) }
        }
        if case .engagementRatePercent = defect {
            json.key("engagement_rate")
            json.decimal(max(1.5, (creator.engagementRate ?? 0.035) * 100), places: 2)
        } else if let rate = creator.engagementRate {
            json.key("engagement_rate")
            json.decimal(rate, places: 5)
        }
    }

    private mutating func writeHistory(_ history: [HistoryPoint], defect: Defect?) {
        json.key("follower_history")
        json.beginArray()
        for (position, point) in history.enumerated() {
            json.beginArray()
            if position == history.count / 2, case .historyDate(let text) = defect {
                json.string(text)
            } else {
                json.date(point.day)
            }
            json.integer(point.followers)
            json.endArray()
        }
        json.endArray()
    }

    private mutating func writeAudience(_ audience: AudienceRecord, defect: Defect?) {
        json.key("audience")
        json.beginObject()
        let scaled: Bool
        if case .audienceSumScaled = defect { scaled = true } else { scaled = false }
        if let countries = audience.countries { writeShares("countries", countries, scale: scaled ? 1.3 : 1) }
        if let languages = audience.languages { writeShares("languages", languages, scale: 1) }
        if let genders = audience.genders { writeShares("genders", genders, scale: 1) }
        if let ages = audience.ages { writeShares("ages", ages, scale: 1) }
        if let interests = audience.interests { writeShares("interests", interests, scale: 1) }
        if case .credibilityPercent = defect {
            json.key("credibility")
            json.integer(Int64(((audience.credibility ?? 0.88) * 100).rounded()))
        } else if let credibility = audience.credibility {
            json.key("credibility")
            json.decimal(credibility, places: 3)
        }
        if let sample = audience.sample {
            json.key("sample")
            json.beginArray()
            for (position, id) in sample.enumerated() {
                switch audience.sampleStyle {
                case .integers: json.integer(Int64(id))
                case .strings: json.string(String(id))
                case .mixed: if position % 3 == 1 { json.string(String(id)) } else { json.integer(Int64(id)) }
                }
            }
            json.endArray()
        }
        json.endObject()
    }

    private mutating func writeShares(_ name: StaticString, _ table: ShareTable, scale: Double) {
        json.key(name)
        json.beginObject()
        for (key, basisPoints) in table.entries {
            json.key(key)
            json.decimal(Double(basisPoints) * scale / 10_000, places: 4)
        }
        json.endObject()
    }

    private mutating func writeCommercial(_ creator: CreatorRecord) {
        if let price = creator.price {
            json.key("price")
            json.beginObject()
            json.key("currency"); json.string(price.currency)
            if let value = price.perPost { json.key("per_post"); json.decimal(value, places: 2) }
            if let value = price.perVideo { json.key("per_video"); json.decimal(value, places: 2) }
            if let value = price.perLive { json.key("per_live"); json.decimal(value, places: 2) }
            json.endObject()
        }
        if let record = creator.collaborations {
            json.key("collaborations")
            json.beginObject()
            json.key("completed"); json.integer(record.completed)
            json.key("late"); json.integer(record.late)
            json.key("ghosted"); json.integer(record.ghosted)
            json.key("disputes"); json.integer(record.disputes)
            if let brands = record.brands {
                json.key("brands")
                json.beginArray()
                for brand in brands { json.string(brand) }
                json.endArray()
            }
            json.endObject()
        }
        if let commerce = creator.commerce {
            json.key("commerce")
            json.beginObject()
            json.key("gmv_30d_usd"); json.decimal(commerce.gmv30dUSD, places: 2)
            json.key("units_sold_30d"); json.integer(commerce.unitsSold30d)
            json.key("gpm_usd"); json.decimal(commerce.gpmUSD, places: 2)
            if let rate = commerce.sampleFulfilmentRate { json.key("sample_fulfilment_rate"); json.decimal(rate, places: 3) }
            if let rate = commerce.responseRate { json.key("response_rate"); json.decimal(rate, places: 3) }
            json.endObject()
        }
        if let blacklisted = creator.blacklisted {
            json.key("blacklisted")
            json.beginObject()
            json.key("reason"); json.string(blacklisted.reason)
            json.key("source"); json.string(blacklisted.source)
            json.key("since"); json.date(blacklisted.since)
            json.endObject()
        }
        if let contact = creator.contactAvailable { json.key("contact_available"); json.bool(contact) }
    }

    private mutating func writePosts(_ posts: [PostRecord], creator: CreatorRecord, defect: Defect?) {
        json.key("recent_posts")
        json.beginArray()
        for (position, post) in posts.enumerated() {
            json.beginObject()
            if let caption = post.caption { json.key("caption"); json.string(caption) }
            json.key("posted_at")
            writeMoment(post.postedAt, timestamps: creator.writesTimestamps)
            json.key("likes")
            if position == 0, case .postLikesAsText = defect {
                json.string(Self.grouped(post.likes))
            } else {
                json.integer(post.likes)
            }
            json.key("comments"); json.integer(post.comments)
            if let views = post.views { json.key("views"); json.integer(views) }
            if let shares = post.shares { json.key("shares"); json.integer(shares) }
            if let sponsored = post.sponsored { json.key("sponsored"); json.bool(sponsored) }
            json.endObject()
        }
        json.endArray()
    }

    private mutating func writeMoment(_ moment: Moment, timestamps: Bool) {
        if timestamps {
            json.timestamp(moment.day, secondOfDay: moment.secondOfDay, offsetMinutes: moment.offsetMinutes)
        } else {
            json.date(moment.day)
        }
    }

    private func isOmitted(_ field: RequiredField, _ defect: Defect?) -> Bool {
        if case .omit(let omitted)? = defect { return omitted == field }
        return false
    }

    private func isNulled(_ field: RequiredField, _ defect: Defect?) -> Bool {
        if case .null(let nulled)? = defect { return nulled == field }
        return false
    }

    /// `12.3K`, `1.2M`: how some exports write counts.
    static func abbreviated(_ value: Int64) -> String {
        if value >= 1_000_000 { return String(Double(value / 100_000) / 10) + "M" }
        if value >= 1_000 { return String(Double(value / 100) / 10) + "K" }
        return String(value) + " followers"
    }

    /// `1,234`.
    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (position, digit) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}

extension CreatorJSONWriter.RequiredField: Equatable {}
