/// Reading a brief from JSON (`brief.md`): every field typed and range-checked, errors that
/// name the field; an unknown field is refused with the nearest valid name.
extension Brief {
    /// The top-level fields, most common first (ties in suggestions go to the earlier one).
    static let fieldNames = ["product", "keywords", "categories", "platforms", "creator_countries", "languages", "audience",
                             "tiers", "followers", "min_engagement_rate", "min_credibility", "budget", "max_risk",
                             "exclude", "count", "diversify"]
    static let audienceNames = ["countries", "genders", "ages", "languages", "interests"]
    static let genderKeys = ["female", "male", "other"]
    static let ageKeys = ["13-17", "18-24", "25-34", "35-44", "45-64", "65+"]
    /// Limits that keep one brief's work bounded.
    static let maxTextLength = 2_000
    static let maxListLength = 100

    /// Parses and validates a brief; amounts in another currency are converted to USD with
    /// `rates` (the engine's built-in table by default).
    public static func parse(_ json: [UInt8], rates: CurrencyRates = .builtIn) throws(BriefError) -> Brief {
        guard case .object(let members) = try BriefJSON.parse(json) else {
            throw BriefError(field: "", message: "must be a JSON object with at least \"product\"")
        }
        let reader = FieldReader(members: members, path: "", known: fieldNames)
        try reader.refuseUnknown()
        guard let productValue = reader["product"] else { throw BriefError(field: "product", message: "is required (free text about the product)") }
        var brief = Brief(product: try text(productValue, "product", maxLength: maxTextLength))
        if let value = reader["keywords"] { brief.keywords = try texts(value, "keywords") }
        if let value = reader["categories"] {
            brief.categories = try texts(value, "categories").enumerated().map { (index, slug) throws(BriefError) in
                let lowered = slug.lowercased()
                guard LookalikeEncoding.taxonomy.contains(lowered) else {
                    throw unknownValue("categories[\(index)]", slug, "a taxonomy slug", LookalikeEncoding.taxonomy)
                }
                return lowered
            }
        }
        if let value = reader["platforms"] {
            brief.platforms = try texts(value, "platforms").enumerated().map { (index, name) throws(BriefError) in
                guard let platform = Platform(rawValue: name.lowercased()) else {
                    throw unknownValue("platforms[\(index)]", name, "a platform", Platform.allCases.map(\.rawValue))
                }
                return platform
            }
        }
        if let value = reader["creator_countries"] {
            brief.creatorCountries = try texts(value, "creator_countries").enumerated().map { (index, code) throws(BriefError) in
                try countryCode(code, "creator_countries[\(index)]")
            }
        }
        if let value = reader["languages"] {
            brief.languages = try texts(value, "languages").enumerated().map { (index, tag) throws(BriefError) in
                try languageCode(tag, "languages[\(index)]")
            }
        }
        if let value = reader["audience"] { brief.audience = try audience(value) }
        if let value = reader["tiers"] {
            brief.tiers = try texts(value, "tiers").enumerated().map { (index, name) throws(BriefError) in
                guard let tier = Tier(rawValue: name.lowercased()) else {
                    throw unknownValue("tiers[\(index)]", name, "a tier", Tier.allCases.map(\.rawValue))
                }
                return tier
            }
        }
        if let value = reader["followers"] { brief.followers = try followerRange(value) }
        if let value = reader["min_engagement_rate"] { brief.minEngagementRate = try fraction(value, "min_engagement_rate") }
        if let value = reader["min_credibility"] { brief.minCredibility = try fraction(value, "min_credibility") }
        if let value = reader["budget"] { brief.budget = try budget(value, rates: rates) }
        if let value = reader["max_risk"] {
            let name = try text(value, "max_risk", maxLength: 20)
            guard let level = RiskLevel(rawValue: name.lowercased()) else {
                throw unknownValue("max_risk", name, "a risk level", RiskLevel.allCases.map(\.rawValue))
            }
            brief.maxRisk = level
        }
        if let value = reader["exclude"] { brief.exclude = try texts(value, "exclude", maxCount: 10_000) }
        if let value = reader["count"] { brief.count = try integer(value, "count", in: 1...Int64(maxCount)) }
        if let value = reader["diversify"] { brief.diversify = try diversify(value) }
        return brief
    }

    // MARK: - Field kinds

    private static func text(_ value: BriefJSON, _ field: String, maxLength: Int = 200) throws(BriefError) -> String {
        guard case .string(let text) = value else { throw BriefError(field: field, message: "must be a string, got \(value.kindDescription)") }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw BriefError(field: field, message: "must not be empty") }
        guard trimmed.count <= maxLength else { throw BriefError(field: field, message: "is longer than \(maxLength) characters") }
        return trimmed
    }

    private static func texts(_ value: BriefJSON, _ field: String, maxCount: Int = maxListLength) throws(BriefError) -> [String] {
        guard case .array(let items) = value else { throw BriefError(field: field, message: "must be an array of strings, got \(value.kindDescription)") }
        guard items.count <= maxCount else { throw BriefError(field: field, message: "has \(items.count) items, at most \(maxCount) are allowed") }
        var result: [String] = []
        for (index, item) in items.enumerated() { result.append(try text(item, "\(field)[\(index)]")) }
        return result
    }

    private static func number(_ value: BriefJSON, _ field: String) throws(BriefError) -> Double {
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        default: throw BriefError(field: field, message: "must be a number, got \(value.kindDescription)")
        }
    }

    /// A share written as a fraction 0–1 (3% is 0.03).
    private static func fraction(_ value: BriefJSON, _ field: String) throws(BriefError) -> Double {
        let share = try number(value, field)
        guard (0...1).contains(share) else {
            throw BriefError(field: field, message: "must be a fraction from 0 to 1 (3% is 0.03), got \(share)")
        }
        return share
    }

    private static func integer(_ value: BriefJSON, _ field: String, in range: ClosedRange<Int64>) throws(BriefError) -> Int {
        let integral: Int64
        switch value {
        case .integer(let number): integral = number
        case .number(let number) where number == number.rounded() && abs(number) < 9e15: integral = Int64(number)
        case .number(let number): throw BriefError(field: field, message: "must be a whole number, got \(number)")
        default: throw BriefError(field: field, message: "must be a whole number, got \(value.kindDescription)")
        }
        guard range.contains(integral) else {
            let upper = range.upperBound == .max ? "" : " to \(range.upperBound)"
            throw BriefError(field: field, message: "must be from \(range.lowerBound)\(upper), got \(integral)")
        }
        return Int(integral)
    }

    private static func countryCode(_ code: String, _ field: String) throws(BriefError) -> String {
        guard code.utf8.count == 2, code.utf8.allSatisfy({ CodeNormalisation.isASCIILetter($0) }) else {
            throw BriefError(field: field, message: "must be an ISO 3166-1 alpha-2 code such as \"US\", got \"\(code)\"")
        }
        return code.uppercased()
    }

    private static func languageCode(_ tag: String, _ field: String) throws(BriefError) -> String {
        var bytes = Array(tag.utf8)
        guard let code = bytes.withUnsafeMutableBytes({ CodeNormalisation.languageSubtag(UnsafeRawBufferPointer($0)) }) else {
            throw BriefError(field: field, message: "must be a language code such as \"en\" or \"pt-BR\", got \"\(tag)\"")
        }
        return code
    }

    static func unknownValue(_ field: String, _ value: String, _ kind: String, _ valid: [String]) -> BriefError {
        let suggestion = NameSuggestion.nearest(to: value, among: valid).map { "; did you mean \"\($0)\"?" } ?? "; one of \(valid.joined(separator: ", "))"
        return BriefError(field: field, message: "\"\(value)\" is not \(kind)\(suggestion)")
    }

    // MARK: - Objects

    private static func audience(_ value: BriefJSON) throws(BriefError) -> TargetAudience {
        guard case .object(let members) = value else { throw BriefError(field: "audience", message: "must be an object, got \(value.kindDescription)") }
        let reader = FieldReader(members: members, path: "audience", known: audienceNames)
        try reader.refuseUnknown()
        var audience = TargetAudience()
        if let value = reader["countries"] {
            audience.countries = try distribution(value, "audience.countries") { (key, field) throws(BriefError) in
                key.lowercased() == "other" ? "other" : try countryCode(key, field)
            }
        }
        if let value = reader["genders"] {
            audience.genders = try distribution(value, "audience.genders") { (key, field) throws(BriefError) in
                guard genderKeys.contains(key.lowercased()) else { throw unknownValue(field, key, "a gender key", genderKeys) }
                return key.lowercased()
            }
        }
        if let value = reader["ages"] {
            audience.ages = try distribution(value, "audience.ages") { (key, field) throws(BriefError) in
                guard ageKeys.contains(key) else { throw unknownValue(field, key, "an age bucket", ageKeys) }
                return key
            }
        }
        if let value = reader["languages"] {
            audience.languages = try distribution(value, "audience.languages") { (key, field) throws(BriefError) in
                key.lowercased() == "other" ? "other" : try languageCode(key, field)
            }
        }
        if let value = reader["interests"] {
            audience.interests = try distribution(value, "audience.interests") { (key, field) throws(BriefError) in
                guard LookalikeEncoding.taxonomy.contains(key.lowercased()) else {
                    throw unknownValue(field, key, "a taxonomy slug", LookalikeEncoding.taxonomy)
                }
                return key.lowercased()
            }
        }
        return audience
    }

    /// Key → weight (numbers ≥ 0, at least one above 0), normalised to sum to 1.
    private static func distribution(_ value: BriefJSON, _ field: String,
                                     key normalise: (String, String) throws(BriefError) -> String) throws(BriefError) -> [String: Double] {
        guard case .object(let members) = value else {
            throw BriefError(field: field, message: "must be an object of key → weight, got \(value.kindDescription)")
        }
        guard members.count <= maxListLength else { throw BriefError(field: field, message: "has more than \(maxListLength) keys") }
        var weights: [String: Double] = [:]
        for member in members {
            let memberField = field + "." + member.key
            let key = try normalise(member.key, memberField)
            let weight = try number(member.value, memberField)
            guard weight >= 0, weight.isFinite else { throw BriefError(field: memberField, message: "must be a weight of 0 or more, got \(weight)") }
            guard weights[key] == nil else { throw BriefError(field: memberField, message: "names the key \"\(key)\" a second time") }
            weights[key] = weight
        }
        let total = weights.values.reduce(0, +)
        guard total > 0 else { throw BriefError(field: field, message: "needs at least one weight above 0") }
        return weights.mapValues { $0 / total }
    }

    private static func followerRange(_ value: BriefJSON) throws(BriefError) -> ClosedRange<Int64> {
        guard case .object(let members) = value else {
            throw BriefError(field: "followers", message: "must be an object {\"min\": n, \"max\": n}, got \(value.kindDescription)")
        }
        let reader = FieldReader(members: members, path: "followers", known: ["min", "max"])
        try reader.refuseUnknown()
        let minimum = try reader["min"].map { (value) throws(BriefError) in Int64(try integer(value, "followers.min", in: 0...Int64.max)) }
        let maximum = try reader["max"].map { (value) throws(BriefError) in Int64(try integer(value, "followers.max", in: 0...Int64.max)) }
        guard minimum != nil || maximum != nil else { throw BriefError(field: "followers", message: "needs \"min\", \"max\" or both") }
        let low = minimum ?? 0, high = maximum ?? Int64.max
        guard low <= high else { throw BriefError(field: "followers", message: "min (\(low)) is above max (\(high))") }
        return low...high
    }

    private static func budget(_ value: BriefJSON, rates: CurrencyRates) throws(BriefError) -> Budget {
        guard case .object(let members) = value else {
            throw BriefError(field: "budget", message: "must be an object {\"currency\", \"total\", \"max_per_creator\"}, got \(value.kindDescription)")
        }
        let reader = FieldReader(members: members, path: "budget", known: ["currency", "total", "max_per_creator"])
        try reader.refuseUnknown()
        var currency = "USD"
        if let value = reader["currency"] {
            let code = try text(value, "budget.currency", maxLength: 3).uppercased()
            guard code.utf8.count == 3, code.utf8.allSatisfy({ CodeNormalisation.isASCIILetter($0) }) else {
                throw BriefError(field: "budget.currency", message: "must be an ISO 4217 code such as \"USD\", got \"\(code)\"")
            }
            guard rates.usd(1, currency: code) != nil else {
                throw BriefError(field: "budget.currency", message: "\"\(code)\" has no exchange rate in the engine's table (rates of \(rates.date))")
            }
            currency = code
        }
        func amount(_ name: String) throws(BriefError) -> Double? {
            guard let value = reader[name] else { return nil }
            let field = "budget." + name
            let number = try number(value, field)
            guard number > 0, number.isFinite else { throw BriefError(field: field, message: "must be an amount above 0, got \(number)") }
            return rates.usd(number, currency: currency) ?? number
        }
        var budget = Budget(total: try amount("total"), maxPerCreator: try amount("max_per_creator"))
        budget.currency = currency
        guard budget.total != nil || budget.maxPerCreator != nil else {
            throw BriefError(field: "budget", message: "needs \"total\", \"max_per_creator\" or both")
        }
        return budget
    }

    private static func diversify(_ value: BriefJSON) throws(BriefError) -> Diversify? {
        switch value {
        case .bool(let on): return on ? Diversify() : nil
        case .object(let members):
            let reader = FieldReader(members: members, path: "diversify", known: ["max_pairwise_overlap"])
            try reader.refuseUnknown()
            guard let bound = reader["max_pairwise_overlap"] else { return Diversify() }
            return Diversify(maxPairwiseOverlap: try fraction(bound, "diversify.max_pairwise_overlap"))
        default:
            throw BriefError(field: "diversify", message: "must be true, false or {\"max_pairwise_overlap\": 0–1}, got \(value.kindDescription)")
        }
    }
}

/// The members of one JSON object of a brief, looked up by name, with the unknown ones refused.
private struct FieldReader {
    let members: [(key: String, value: BriefJSON)]
    let path: String
    let known: [String]

    func refuseUnknown() throws(BriefError) {
        for member in members where !known.contains(member.key) {
            let field = path.isEmpty ? member.key : path + "." + member.key
            let suggestion = NameSuggestion.nearest(to: member.key, among: known)
                ?? known.min { NameSuggestion.editDistance(Array(member.key.lowercased()), Array($0)) < NameSuggestion.editDistance(Array(member.key.lowercased()), Array($1)) }
            throw BriefError(field: field, message: "unknown field; did you mean \"\(suggestion ?? known[0])\"?")
        }
    }

    subscript(name: String) -> BriefJSON? {
        guard let value = members.first(where: { $0.key == name })?.value else { return nil }
        if case .null = value { return nil }
        return value
    }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, newlines, ideographic space).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
