/// The ways a malformed line is broken, as real exports break: cut-off lines, broken JSON,
/// wrong types, impossible values, missing required fields. Each violates the dump format
/// (`profile-dump.md`), so a conforming reader must reject the line. The raw value is the
/// `reason` written in the labels file.
public enum Malformation: String, CaseIterable, Sendable {
    /// The line stops part-way (an interrupted export).
    case truncated
    /// Not JSON: a missing colon, a trailing comma, an unquoted key, a `NaN`.
    case invalidJSON = "invalid_json"
    /// Valid JSON that is not an object (an array, a string, an HTML error page is not JSON at all).
    case notAnObject = "not_an_object"
    /// An HTML error page where a line was expected.
    case htmlErrorPage = "html_error_page"
    /// A field of the wrong type (`"followers":"12.3K"`, `"languages":"en"`, a post's likes as `"1,234"`).
    case wrongType = "wrong_type"
    /// `followers` below zero.
    case negativeFollowers = "negative_followers"
    /// `id`, `platform`, `handle` or `followers` absent.
    case missingRequiredField = "missing_required_field"
    /// A required field set to `null`.
    case nullRequiredField = "null_required_field"
    /// A platform outside the format's list (`weibo`, `snapchat`, `MySpace`).
    case unknownPlatform = "unknown_platform"
    /// Audience country shares summing to about 1.3.
    case audienceSum = "audience_sum"
    /// `engagement_rate` written as a percent (3.5).
    case engagementRatePercent = "engagement_rate_percent"
    /// Credibility written as a percent (88).
    case credibilityPercent = "credibility_percent"
    /// An impossible or unparseable date (`2026-13-45`, `31/10/2026`, `2026-02-30`).
    case badDate = "bad_date"
    /// An id longer than 128 characters.
    case idTooLong = "id_too_long"

    var weight: Double {
        switch self {
        case .truncated: 16
        case .invalidJSON: 12
        case .notAnObject: 3
        case .htmlErrorPage: 2
        case .wrongType: 14
        case .negativeFollowers: 8
        case .missingRequiredField: 10
        case .nullRequiredField: 4
        case .unknownPlatform: 7
        case .audienceSum: 8
        case .engagementRatePercent: 8
        case .credibilityPercent: 3
        case .badDate: 9
        case .idTooLong: 2
        }
    }

    static let table = WeightedTable(allCases.map { ($0, $0.weight) })
}
