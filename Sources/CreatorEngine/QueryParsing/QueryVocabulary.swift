/// The closed sets of keyword values the parser checks (platforms, tiers and risk levels
/// are their own enums), so a misspelt value is refused with a suggestion instead of
/// silently matching nothing.
public enum QueryVocabulary {
    /// Fraud-risk flag names accepted by `flag:` (the names the risk model reports).
    public static let flagNames: [String] = [
        "bought_followers", "low_engagement", "engagement_anomaly", "low_credibility",
        "audience_mismatch", "follow_for_follow", "ghosting_history", "disputes",
        "late_delivery", "blacklisted", "stale_data",
    ]

    /// Keys of `aud.gender:` (the dump's `genders` keys).
    public static let audienceGenders: [String] = ["female", "male", "other"]

    /// Keys of `aud.age:` (the dump's age buckets).
    public static let audienceAgeBuckets: [String] = ["13-17", "18-24", "25-34", "35-44", "45-64", "65+"]

    /// Sort keys besides the numeric fields.
    static let scoreSortKey = "score"
}
