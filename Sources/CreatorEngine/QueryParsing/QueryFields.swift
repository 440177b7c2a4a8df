// The profile fields a qualifier can test, grouped by the kind of value they take.

/// Qualifiers whose values are exact codes, tags or identifiers.
public enum KeywordField: String, Sendable, Hashable, CaseIterable {
    /// ISO 3166-1 alpha-2, upper-cased (`us` → `US`).
    case country
    /// Content language: the BCP 47 primary subtag, lower-cased (`pt-BR` → `pt`).
    case lang
    /// Taxonomy slug or free tag, lower-cased.
    case category
    /// Hashtag with leading `#` removed, case kept (matched after text folding).
    case hashtag
    /// Creator id, exact.
    case id
    /// Handle with one leading `@` removed, case kept.
    case handle
}

/// Qualifiers that compare a number: counts and amounts, or shares (fractions).
public enum NumericField: String, Sendable, Hashable, CaseIterable {
    case followers
    /// Engagement rate, a fraction (0.03 is 3%).
    case er
    /// Average views.
    case views
    /// Follower growth over the history window, a fraction that may be negative or above 1.
    case growth
    /// Price per post (else per video) in USD.
    case price
    /// Audience credibility, a fraction.
    case credibility
    /// 30-day shop GMV in USD.
    case gmv

    /// How numbers for this field are written and bounded.
    var scale: QueryValueScale {
        switch self {
        case .followers, .views, .price, .gmv: .amount
        case .er, .credibility: .share(bounded: true, signed: false)
        case .growth: .share(bounded: false, signed: true)
        }
    }
}

/// Audience distributions, each tested as "share of the audience with key K".
public enum AudienceField: String, Sendable, Hashable, CaseIterable {
    case country = "aud.country"
    case lang = "aud.lang"
    case gender = "aud.gender"
    case age = "aud.age"
    case interest = "aud.interest"
}

/// How a number is written and which values are meaningful for a field.
enum QueryValueScale: Hashable {
    /// Counts and money: `k`/`m` suffixes allowed, `%` refused, never negative.
    case amount
    /// Fractions: `3%` or `0.03`; a bare number above 1 is refused as ambiguous.
    /// `bounded` shares are at most 100%; `signed` ones may be negative.
    case share(bounded: Bool, signed: Bool)
}
