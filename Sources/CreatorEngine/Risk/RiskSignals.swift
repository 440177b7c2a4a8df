/// The per-creator numbers the risk rules need that the index does not already keep as
/// columns (followers, following, credibility, `updated_at` and the collaboration counts
/// are columns): engagement as the risk rules measure it, comments per like, the largest
/// follower jump, and how the audience fits the creator's country and language.
///
/// Computed from the profile on a worker thread (`DocumentAnalyzer`), held per creator
/// while the index is built and stored in `risk.signals` as a fixed 56-byte record
/// (`encode(into:)`). Unknown values are NaN, unknown codes 0.
public struct RiskSignals: Sendable, Equatable {
    /// Where the engagement rate the rules judge came from.
    public enum EngagementSource: UInt8, Sendable {
        case unknown = 0
        /// The provider's `engagement_rate`.
        case provider
        /// Derived from the profile's averages by the platform's rule (or, for platform
        /// `other`, which has no rule, per follower).
        case averages
        /// Derived from the recent posts, by the same rule, when the averages are missing.
        case posts
    }

    public var platform: Platform
    public var engagementSource: EngagementSource = .unknown
    public var isBlacklisted = false
    /// The creator's peer group in `risk.peers`, set when the index is written.
    public var peerGroup: UInt16 = 0
    /// As the provider gave it or the index derived it; else from posts (see `engagementSource`).
    public var engagementRate = Float.nan
    /// Average comments per average like, when likes are at least
    /// `RiskPolicy.commentsPerLikeMinimumLikes` a post and comments are above 0.
    public var commentsPerLike = Float.nan
    var jumpGrowth = Float.nan
    var jumpScore = Float.nan
    var jumpFromFollowers = Float.nan
    var jumpTypicalWeeklyGrowth = Float.nan
    var jumpEndDay: Int32 = 0
    var jumpDays: UInt16 = 0
    var homeCountryCode: UInt16 = 0
    var topForeignCountryCode: UInt16 = 0
    /// Share of the audience in the creator's own country (needs both known).
    public var homeShare = Float.nan
    /// Share of the audience in its largest country other than the creator's.
    public var topForeignShare = Float.nan
    /// Share of the audience using the creator's first content language.
    public var primaryLanguageShare = Float.nan
    var primaryLanguageCode: UInt32 = 0

    public init(platform: Platform) { self.platform = platform }

    /// The record's size in `risk.signals`.
    public static let recordSize = 56

    // MARK: Typed views

    public var jump: FollowerJump? {
        get {
            guard !jumpGrowth.isNaN else { return nil }
            return FollowerJump(growth: Double(jumpGrowth), score: Double(jumpScore), fromFollowers: Double(jumpFromFollowers),
                                endDay: Int64(jumpEndDay), days: Int(jumpDays), typicalWeeklyGrowth: Double(jumpTypicalWeeklyGrowth))
        }
        set {
            jumpGrowth = newValue.map { Float($0.growth) } ?? .nan
            jumpScore = newValue.map { Float($0.score) } ?? .nan
            jumpFromFollowers = newValue.map { Float($0.fromFollowers) } ?? .nan
            jumpTypicalWeeklyGrowth = newValue.map { Float($0.typicalWeeklyGrowth) } ?? .nan
            jumpEndDay = newValue.map { Int32(clamping: $0.endDay) } ?? 0
            jumpDays = newValue.map { UInt16(clamping: $0.days) } ?? 0
        }
    }

    /// The creator's country (ISO code) when the audience fit was measured.
    public var homeCountry: String? {
        get { Self.text(UInt32(homeCountryCode)) }
        set { homeCountryCode = UInt16(truncatingIfNeeded: Self.code(newValue, maximumLength: 2)) }
    }

    /// The largest audience country other than the creator's.
    public var topForeignCountry: String? {
        get { Self.text(UInt32(topForeignCountryCode)) }
        set { topForeignCountryCode = UInt16(truncatingIfNeeded: Self.code(newValue, maximumLength: 2)) }
    }

    /// The creator's first content language (a primary subtag of up to four letters).
    public var primaryLanguage: String? {
        get { Self.text(primaryLanguageCode) }
        set { primaryLanguageCode = Self.code(newValue, maximumLength: 4) }
    }

    public var engagementRateValue: Double? { engagementRate.isNaN ? nil : Double(engagementRate) }
    public var commentsPerLikeValue: Double? { commentsPerLike.isNaN ? nil : Double(commentsPerLike) }
    public var homeShareValue: Double? { homeShare.isNaN ? nil : Double(homeShare) }
    public var topForeignShareValue: Double? { topForeignShare.isNaN ? nil : Double(topForeignShare) }
    public var primaryLanguageShareValue: Double? { primaryLanguageShare.isNaN ? nil : Double(primaryLanguageShare) }

    /// Packs up to `maximumLength` ASCII letters little-endian into an integer (0 when absent or not ASCII).
    static func code(_ text: String?, maximumLength: Int) -> UInt32 {
        guard let text, !text.isEmpty, text.utf8.count <= maximumLength, text.utf8.allSatisfy({ $0 > 0 && $0 < 0x80 })
        else { return 0 }
        var code: UInt32 = 0
        for (position, byte) in text.utf8.enumerated() { code |= UInt32(byte) << (8 * UInt32(position)) }
        return code
    }

    static func text(_ code: UInt32) -> String? {
        guard code != 0 else { return nil }
        var bytes: [UInt8] = []
        var rest = code
        while rest != 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Record

    /// Appends the 56-byte record: f32 engagement rate, comments per like, jump growth,
    /// jump score, followers before the jump, typical weekly growth; i32 jump end day;
    /// f32 home share, top foreign share, primary-language share; u32 language code;
    /// u16 home country, top foreign country, peer group, jump days; u8 platform,
    /// engagement source, flags (bit 0: blacklisted); one byte of padding.
    public func encode(into writer: inout ByteWriter) {
        writer.append(engagementRate)
        writer.append(commentsPerLike)
        writer.append(jumpGrowth)
        writer.append(jumpScore)
        writer.append(jumpFromFollowers)
        writer.append(jumpTypicalWeeklyGrowth)
        writer.append(jumpEndDay)
        writer.append(homeShare)
        writer.append(topForeignShare)
        writer.append(primaryLanguageShare)
        writer.append(primaryLanguageCode)
        writer.append(homeCountryCode)
        writer.append(topForeignCountryCode)
        writer.append(peerGroup)
        writer.append(jumpDays)
        writer.append(UInt8(Platform.allCases.firstIndex(of: platform) ?? 0))
        writer.append(engagementSource.rawValue)
        writer.append(UInt8(isBlacklisted ? 1 : 0))
        writer.append(UInt8(0))
    }

    /// Reads a record written by `encode(into:)`; `record` holds exactly `recordSize` bytes.
    public init(record: UnsafeRawBufferPointer) {
        func float(_ offset: Int) -> Float { Float(bitPattern: UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
        func u16(_ offset: Int) -> UInt16 { UInt16(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
        let platformIndex = Int(record[52])
        platform = platformIndex < Platform.allCases.count ? Platform.allCases[platformIndex] : .other
        engagementRate = float(0)
        commentsPerLike = float(4)
        jumpGrowth = float(8)
        jumpScore = float(12)
        jumpFromFollowers = float(16)
        jumpTypicalWeeklyGrowth = float(20)
        jumpEndDay = Int32(littleEndian: record.loadUnaligned(fromByteOffset: 24, as: Int32.self))
        homeShare = float(28)
        topForeignShare = float(32)
        primaryLanguageShare = float(36)
        primaryLanguageCode = UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
        homeCountryCode = u16(44)
        topForeignCountryCode = u16(46)
        peerGroup = u16(48)
        jumpDays = u16(50)
        engagementSource = EngagementSource(rawValue: record[53]) ?? .unknown
        isBlacklisted = record[54] & 1 != 0
    }
}
