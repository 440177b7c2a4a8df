/// Every qualifier name the language knows (names are case-insensitive), and what each
/// one parses into.
enum QueryQualifier: String, CaseIterable, Sendable {
    case platform, country, lang, category, hashtag, tier
    case followers, er, views, growth, price, credibility, gmv
    case audCountry = "aud.country", audLang = "aud.lang", audGender = "aud.gender"
    case audAge = "aud.age", audInterest = "aud.interest"
    case risk, flag, like, overlap, id, handle
    case sort, limit, offset

    /// The qualifier named `name`, ignoring case.
    init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// What a value of this qualifier becomes.
    enum Role: Equatable {
        case keyword(KeywordField)
        case platform
        case tier
        case numeric(NumericField)
        case audience(AudienceField)
        case risk
        case flag
        case like
        case overlap
        /// `sort:`, `limit:`, `offset:`: settings of the whole query, not clauses.
        case directive
    }

    var role: Role {
        switch self {
        case .platform: .platform
        case .country: .keyword(.country)
        case .lang: .keyword(.lang)
        case .category: .keyword(.category)
        case .hashtag: .keyword(.hashtag)
        case .id: .keyword(.id)
        case .handle: .keyword(.handle)
        case .tier: .tier
        case .followers: .numeric(.followers)
        case .er: .numeric(.er)
        case .views: .numeric(.views)
        case .growth: .numeric(.growth)
        case .price: .numeric(.price)
        case .credibility: .numeric(.credibility)
        case .gmv: .numeric(.gmv)
        case .audCountry: .audience(.country)
        case .audLang: .audience(.lang)
        case .audGender: .audience(.gender)
        case .audAge: .audience(.age)
        case .audInterest: .audience(.interest)
        case .risk: .risk
        case .flag: .flag
        case .like: .like
        case .overlap: .overlap
        case .sort, .limit, .offset: .directive
        }
    }

    /// Whether a comma list (OR of values) is accepted. Audience shares and `overlap:`
    /// pair a key with a comparison, where a list would read ambiguously; directives are
    /// single settings.
    var acceptsList: Bool {
        switch role {
        case .audience, .overlap, .directive: false
        default: true
        }
    }

    /// A correct example, used in hints.
    var example: String {
        switch self {
        case .platform: "platform:tiktok,instagram"
        case .country: "country:US,CA"
        case .lang: "lang:es"
        case .category: "category:skincare"
        case .hashtag: "hashtag:cleanbeauty"
        case .tier: "tier:micro..mid"
        case .followers: "followers:10k..200k"
        case .er: "er:>=3%"
        case .views: "views:>50k"
        case .growth: "growth:>=5%"
        case .price: "price:<=500"
        case .credibility: "credibility:>=80%"
        case .gmv: "gmv:>=10k"
        case .audCountry: "aud.country:US>=40%"
        case .audLang: "aud.lang:es>=50%"
        case .audGender: "aud.gender:female>=60%"
        case .audAge: "aud.age:18-24>=30%"
        case .audInterest: "aud.interest:fitness>=20%"
        case .risk: "risk:<=medium"
        case .flag: "flag:bought_followers"
        case .like: "like:@glowwithmei"
        case .overlap: "overlap:@glowwithmei<=20%"
        case .id: "id:tiktok:6812345"
        case .handle: "handle:glowwithmei"
        case .sort: "sort:-er"
        case .limit: "limit:50"
        case .offset: "offset:100"
        }
    }
}
