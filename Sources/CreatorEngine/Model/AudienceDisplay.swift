/// An audience as the display JSON shows it: each known distribution's shares rounded to
/// four decimals (the renormalised shares the engine computes carry noise digits no
/// provider measured), the credibility, and the size of the follower sample in place of
/// its ids. The document store keeps exactly these values, so what `get` shows is what
/// the build saw.
struct AudienceDisplay: Equatable {
    /// The distributions' names in display order (the index's audience dimensions);
    /// `distributions` follows it.
    static let distributionNames = AudienceDimension.allCases.map(\.rawValue)

    struct Entry: Equatable {
        var key: String
        var share: Double
    }

    /// One list per name of `distributionNames`, `nil` where that distribution is unknown.
    var distributions: [[Entry]?]
    var credibility: Double?
    var sampleSize: Int64?

    init(distributions: [[Entry]?], credibility: Double?, sampleSize: Int64?) {
        self.distributions = distributions
        self.credibility = credibility
        self.sampleSize = sampleSize
    }

    init(_ audience: Audience) {
        let known = [audience.countries, audience.languages, audience.genders, audience.ages, audience.interests]
        distributions = known.map { distribution in
            distribution?.entries.map { Entry(key: $0.key, share: $0.share.roundedToFourDecimals) }
        }
        credibility = audience.credibility
        sampleSize = audience.sample.isEmpty ? nil : Int64(audience.sample.count)
    }
}
