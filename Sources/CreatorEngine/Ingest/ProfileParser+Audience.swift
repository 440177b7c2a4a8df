internal import CSimdjson

/// `audience`: distributions, credibility and the follower sample.
extension ProfileParser {
    /// The accepted range of a distribution's sum before renormalising (with 1e-9 of slack
    /// so that shares written to sum to exactly 0.98 or 1.02 are not lost to rounding).
    static let distributionSumRange = (0.98 - 1e-9)...(1.02 + 1e-9)

    static func readAudience(_ value: csj_value) throws(Rejection) -> Audience {
        try value.require(CSJ_OBJECT, at: "audience")
        var audience = Audience()
        try value.forEachField { (key, field) throws(Rejection) in
            guard field.type != CSJ_NULL else { return }
            if key.equals("countries") {
                audience.countries = try readDistribution(field, name: "countries",
                                                          expectedKeys: "ISO 3166-1 alpha-2 codes or other") { key in
                    isOther(key) ? "other" : CodeNormalisation.countryCode(key)
                }
            } else if key.equals("languages") {
                audience.languages = try readDistribution(field, name: "languages",
                                                          expectedKeys: "BCP 47 language tags or other") { key in
                    isOther(key) ? "other" : CodeNormalisation.languageSubtag(key)
                }
            } else if key.equals("genders") {
                audience.genders = try readDistribution(field, name: "genders", expectedKeys: "female, male, other") { key in
                    let lowered = CodeNormalisation.asciiString(key, upper: false)
                    return lowered == "female" || lowered == "male" || lowered == "other" ? lowered : nil
                }
            } else if key.equals("ages") {
                audience.ages = try readDistribution(field, name: "ages",
                                                     expectedKeys: "13-17, 18-24, 25-34, 35-44, 45-64, 65+, other") { key in
                    let text = CodeNormalisation.asciiString(key, upper: false)
                    return ageBuckets.contains(text) ? text : nil
                }
            } else if key.equals("interests") {
                audience.interests = try readDistribution(field, name: "interests", expectedKeys: "category slugs",
                                                          CodeNormalisation.lowercasedTag)
            } else if key.equals("credibility") {
                audience.credibility = try field.fraction(at: "audience.credibility")
            } else if key.equals("sample") {
                audience.sample = try readSample(field)
            }
        }
        return audience
    }

    static let ageBuckets: Set<String> = ["13-17", "18-24", "25-34", "35-44", "45-64", "65+", "other"]

    static func isOther(_ key: UnsafeRawBufferPointer) -> Bool {
        key.count == 5 && CodeNormalisation.asciiString(key, upper: false) == "other"
    }

    /// An object of key → share: keys normalised by `normaliseKey` (nil rejects), shares
    /// 0–1, the sum within `distributionSumRange`; returned renormalised to sum to 1.
    static func readDistribution(_ value: csj_value, name: String, expectedKeys: String,
                                 _ normaliseKey: (UnsafeRawBufferPointer) -> String?) throws(Rejection) -> Distribution {
        try value.require(CSJ_OBJECT, at: "audience.\(name)")
        var shares: [String: Double] = [:]
        shares.reserveCapacity(value.length)
        var sum = 0.0
        try value.forEachField { (key, share) throws(Rejection) in
            guard let normalised = normaliseKey(key) else {
                throw Rejection("audience.\(name): unexpected key \"\(key.utf8Text)\" (expected \(expectedKeys))")
            }
            let fraction = try share.fraction(at: "audience.\(name).\(key.utf8Text)")
            shares[normalised, default: 0] += fraction
            sum += fraction
        }
        guard distributionSumRange.contains(sum) else {
            var shown = formatNumber(sum)
            if shown == "0.98" || shown == "1.02" { shown = sum.description }
            throw Rejection("audience.\(name): shares sum to \(shown), outside 0.98–1.02")
        }
        return Distribution(shares).renormalised()
    }

    /// Follower ids (strings or integers), hashed with `SampleHash`.
    static func readSample(_ value: csj_value) throws(Rejection) -> [UInt64] {
        try value.require(CSJ_ARRAY, at: "audience.sample")
        var hashes: [UInt64] = []
        hashes.reserveCapacity(value.length)
        try value.forEachItem { (index, item) throws(Rejection) in
            switch item.type {
            case CSJ_INT64: hashes.append(SampleHash.hash(item.int64))
            case CSJ_UINT64: hashes.append(SampleHash.hash(item.uint64))
            case CSJ_STRING where item.length > 0: hashes.append(SampleHash.hash(utf8: item.stringBytes))
            default: throw item.mismatch("audience.sample[\(index)]", "a non-empty string or an integer id")
            }
        }
        return hashes
    }
}
