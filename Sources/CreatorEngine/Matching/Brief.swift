/// A product brief (`brief.md`): what a brand wants a shortlist of creators for. Every field
/// but `product` is optional, and a missing one means "no preference".
///
/// Hard constraints (`platforms`, `creatorCountries`, `tiers`, `followers`,
/// `minEngagementRate`, `minCredibility`, `maxRisk`, `exclude`, `budget.maxPerCreator`)
/// exclude creators; soft preferences (`product`, `keywords`, `categories`, `languages`,
/// `audience`) rank them. Made by `Brief.parse`, which refuses anything out of type or
/// range with the field's name (`BriefError`), or directly in code.
public struct Brief: Sendable, Equatable {
    /// Free text about the product, any language.
    public var product: String
    /// Extra terms that should appear in the creator's content.
    public var keywords: [String] = []
    /// Wanted niches: taxonomy slugs (lower-case).
    public var categories: [String] = []
    public var platforms: [Platform] = []
    /// ISO 3166-1 alpha-2 codes, upper-case: where the creator is based.
    public var creatorCountries: [String] = []
    /// Content languages: primary subtags, lower-case (`pt-BR` → `pt`).
    public var languages: [String] = []
    /// The target customer.
    public var audience = TargetAudience()
    public var tiers: [Tier] = []
    public var followers: ClosedRange<Int64>?
    public var minEngagementRate: Double?
    public var minCredibility: Double?
    public var budget: Budget?
    /// The highest fraud-risk level allowed.
    public var maxRisk: RiskLevel = .medium
    /// Creator ids, or handles written with a leading `@`.
    public var exclude: [String] = []
    /// Shortlist length, 1…`Brief.maxCount`.
    public var count: Int = 20
    /// Prefer creators whose audiences do not overlap; nil turns it off.
    public var diversify: Diversify? = Diversify()

    public static let maxCount = 500

    public init(product: String) { self.product = product }

    /// The target customer as distributions in the dump's `audience` shape, each normalised
    /// to sum to 1. An empty distribution is no preference.
    public struct TargetAudience: Sendable, Equatable {
        /// ISO codes, upper-case.
        public var countries: [String: Double] = [:]
        /// `female`, `male`, `other`.
        public var genders: [String: Double] = [:]
        /// `13-17`, `18-24`, `25-34`, `35-44`, `45-64`, `65+`.
        public var ages: [String: Double] = [:]
        /// Lower-case primary subtags.
        public var languages: [String: Double] = [:]
        /// Taxonomy slugs.
        public var interests: [String: Double] = [:]

        public init() {}

        public var isEmpty: Bool { countries.isEmpty && genders.isEmpty && ages.isEmpty && languages.isEmpty && interests.isEmpty }

        /// The distribution of one dimension.
        public func target(_ dimension: AudienceDimension) -> [String: Double] {
            switch dimension {
            case .countries: countries
            case .genders: genders
            case .ages: ages
            case .languages: languages
            case .interests: interests
            }
        }
    }

    /// Money for the campaign, in USD (other currencies are converted when the brief is read).
    public struct Budget: Sendable, Equatable {
        /// The estimated cost of the whole shortlist must not exceed this.
        public var total: Double?
        /// No creator whose estimated price is above this is listed.
        public var maxPerCreator: Double?
        /// The currency the brief was written in (amounts here are already USD).
        public var currency: String = "USD"

        public init(total: Double? = nil, maxPerCreator: Double? = nil) {
            self.total = total
            self.maxPerCreator = maxPerCreator
        }
    }

    /// Greedy selection for unique reach (see `ShortlistSelection`).
    public struct Diversify: Sendable, Equatable {
        /// No two listed creators may share more than this share of either one's audience.
        public var maxPairwiseOverlap: Double

        /// 0.30: a pair above it shares nearly a third of an audience, which in the generated
        /// corpus is creators of one follower pool or audience twins (see `docs/matching.md`).
        public static let defaultMaxPairwiseOverlap = 0.30

        public init(maxPairwiseOverlap: Double = Diversify.defaultMaxPairwiseOverlap) { self.maxPairwiseOverlap = maxPairwiseOverlap }
    }
}
