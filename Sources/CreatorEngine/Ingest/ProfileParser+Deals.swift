internal import CSimdjson

/// `price`, `collaborations`, `commerce` and `blacklisted`: a creator's commercial record.
extension ProfileParser {
    func readPrice(_ value: csj_value) throws(Rejection) -> Price {
        try value.require(CSJ_OBJECT, at: "price")
        var currency: String?
        var perPost: Double?
        var perVideo: Double?
        var perLive: Double?
        try value.forEachField { (key, field) throws(Rejection) in
            guard field.type != CSJ_NULL else { return }
            if key.equals("currency") {
                guard field.type == CSJ_STRING, field.length == 3,
                      field.stringBytes.allSatisfy(CodeNormalisation.isASCIILetter) else {
                    throw field.mismatch("price.currency", "a 3-letter ISO 4217 code")
                }
                currency = CodeNormalisation.asciiString(field.stringBytes, upper: true)
            } else if key.equals("per_post") {
                perPost = try field.nonNegativeNumber(at: "price.per_post")
            } else if key.equals("per_video") {
                perVideo = try field.nonNegativeNumber(at: "price.per_video")
            } else if key.equals("per_live") {
                perLive = try field.nonNegativeNumber(at: "price.per_live")
            }
        }
        guard let currency else { throw Rejection("price: missing 'currency'") }
        let usd = (perPost ?? perVideo).flatMap { rates.usd($0, currency: currency) }
        return Price(currency: currency, perPost: perPost, perVideo: perVideo, perLive: perLive, usd: usd)
    }

    static func readCollaborations(_ value: csj_value) throws(Rejection) -> Collaborations {
        try value.require(CSJ_OBJECT, at: "collaborations")
        var record = Collaborations()
        try value.forEachField { (key, field) throws(Rejection) in
            guard field.type != CSJ_NULL else { return }
            if key.equals("completed") {
                record.completed = try field.count(at: "collaborations.completed")
            } else if key.equals("late") {
                record.late = try field.count(at: "collaborations.late")
            } else if key.equals("ghosted") {
                record.ghosted = try field.count(at: "collaborations.ghosted")
            } else if key.equals("disputes") {
                record.disputes = try field.count(at: "collaborations.disputes")
            } else if key.equals("brands") {
                record.brands = try field.stringList(at: "collaborations.brands", expected: "a string") { $0.utf8Text }
            }
        }
        return record
    }

    static func readCommerce(_ value: csj_value) throws(Rejection) -> Commerce {
        try value.require(CSJ_OBJECT, at: "commerce")
        var commerce = Commerce()
        try value.forEachField { (key, field) throws(Rejection) in
            guard field.type != CSJ_NULL else { return }
            if key.equals("gmv_30d_usd") {
                commerce.gmv30dUSD = try field.nonNegativeNumber(at: "commerce.gmv_30d_usd")
            } else if key.equals("units_sold_30d") {
                commerce.unitsSold30d = try field.count(at: "commerce.units_sold_30d")
            } else if key.equals("gpm_usd") {
                commerce.gpmUSD = try field.nonNegativeNumber(at: "commerce.gpm_usd")
            } else if key.equals("sample_fulfilment_rate") {
                commerce.sampleFulfilmentRate = try field.fraction(at: "commerce.sample_fulfilment_rate")
            } else if key.equals("response_rate") {
                commerce.responseRate = try field.fraction(at: "commerce.response_rate")
            }
        }
        return commerce
    }

    /// An object, or `false` for "not blacklisted" (nil).
    static func readBlacklisting(_ value: csj_value) throws(Rejection) -> Blacklisting? {
        if value.type == CSJ_BOOL, !value.boolean { return nil }
        guard value.type == CSJ_OBJECT else {
            throw value.mismatch("blacklisted", "an object {reason, source, since} (or false)")
        }
        var record = Blacklisting()
        try value.forEachField { (key, field) throws(Rejection) in
            guard field.type != CSJ_NULL else { return }
            if key.equals("reason") {
                record.reason = try field.string(at: "blacklisted.reason")
            } else if key.equals("source") {
                record.source = try field.string(at: "blacklisted.source")
            } else if key.equals("since") {
                record.since = try field.date(at: "blacklisted.since")
            }
        }
        return record
    }
}
