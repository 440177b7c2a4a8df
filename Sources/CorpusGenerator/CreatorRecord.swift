/// One synthetic creator profile as it will be written: every optional field is `nil` when
/// the provider does not know it. Text is kept as UTF-8 bytes. Also carries the ground
/// truth that goes to the labels file (`fraud`, `twinOf`), which is never written into the
/// profile line itself.
struct CreatorRecord: Sendable {
    var index: Int
    var id: [UInt8]
    var platform: SyntheticPlatform
    var handle: [UInt8]
    var name: [UInt8]?
    var bio: [UInt8]?
    var country: String?
    var city: [UInt8]?
    var languages: [String]?
    var categories: [String]?
    /// As written: with or without `#`.
    var hashtags: [[UInt8]]?
    var posts: [PostRecord]?
    var followers: Int64
    var following: Int64?
    var postsCount: Int64?
    var averages: Averages?
    var engagementRate: Double?
    var history: [HistoryPoint]?
    var audience: AudienceRecord?
    var price: PriceRecord?
    var collaborations: CollaborationRecord?
    var commerce: CommerceRecord?
    var blacklisted: BlacklistRecord?
    var contactAvailable: Bool?
    var updatedAt: Moment
    /// Fields providers add that the format does not know (ignored by readers).
    var extraFields: [ExtraField] = []
    /// How the provider writes dates: plain `YYYY-MM-DD`, or RFC 3339 timestamps.
    var writesTimestamps: Bool

    var fraud: [FraudKind]
    var twinOf: Int?
}

/// A date, with a local time of day and UTC offset when the provider writes timestamps.
struct Moment: Sendable {
    var day: CalendarDay
    var secondOfDay: Int
    var offsetMinutes: Int
}

struct Averages: Sendable {
    var likes: Double
    var comments: Double
    var views: Double?
    var shares: Double?
    /// Decimals the provider writes (0 or 1).
    var places: Int
}

struct PostRecord: Sendable {
    var caption: [UInt8]?
    var postedAt: Moment
    var likes: Int64
    var comments: Int64
    var views: Int64?
    var shares: Int64?
    var sponsored: Bool?
}

struct HistoryPoint: Sendable {
    var day: CalendarDay
    var followers: Int64
}

/// A distribution in basis points (1/10,000), summing to exactly 10,000 when written.
struct ShareTable: Sendable {
    var entries: [(key: String, basisPoints: Int)]
}

struct AudienceRecord: Sendable {
    var countries: ShareTable?
    var languages: ShareTable?
    var genders: ShareTable?
    var ages: ShareTable?
    var interests: ShareTable?
    var credibility: Double?
    var sample: [UInt64]?
    var sampleStyle: SampleStyle

    /// How follower ids are written: numbers, decimal strings, or a mix (all hash alike).
    enum SampleStyle: Sendable {
        case integers, strings, mixed
    }
}

struct PriceRecord: Sendable {
    var currency: String
    var perPost: Double?
    var perVideo: Double?
    var perLive: Double?
}

struct CollaborationRecord: Sendable {
    var completed: Int
    var late: Int
    var ghosted: Int
    var disputes: Int
    var brands: [[UInt8]]?
}

struct CommerceRecord: Sendable {
    var gmv30dUSD: Double
    var unitsSold30d: Int
    var gpmUSD: Double
    var sampleFulfilmentRate: Double?
    var responseRate: Double?
}

struct BlacklistRecord: Sendable {
    var reason: [UInt8]
    var source: [UInt8]
    var since: CalendarDay
}

/// An unknown field: its name and its JSON value, prepared.
struct ExtraField: Sendable {
    var key: String
    var json: [UInt8]
}
