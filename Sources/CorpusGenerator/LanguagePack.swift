/// The text material for one language (or one script of it), written as its speakers write
/// on social platforms: names, niche keywords, bio and caption templates, hashtags.
///
/// Packs are plain data (one file each under `LanguagePacks/`); `CompiledLanguagePack`
/// turns one into UTF-8 byte arrays and parsed templates once, so that generating text is
/// copying bytes.
///
/// Templates are literal text with slots in braces:
/// - `{k}` a keyword from the creator's niches, `{K}` one from its main niche,
///   `{x}` the English word for one of its niches (creators mix scripts: 敏感肌 skincare);
/// - `{e}` an emoji of its niches, `{c}` its city, `{d}` a small number (3–10);
/// - `{b}` a brand mention (`@cerave`), `{B}` a brand name;
/// - `{g}` given name as written natively, `{G}` the same in Latin letters, `{f}`/`{F}` the
///   family name, `{m}` a business e-mail address;
/// - `[creadora|creador]` a word in its form for a woman, then for a man.
struct LanguagePack: Sendable {
    /// The BCP 47 primary subtag written in `languages` (`zh` for both Chinese scripts).
    let code: String
    /// A name for the pack itself (`zh-Hant`), used in tests and diagnostics.
    let variant: String
    /// Relative share of creators writing in this pack.
    let share: Double
    /// Creator countries and their weights.
    let countries: [(String, Double)]
    /// Names: `"native/latin"` for scripts other than Latin, plain otherwise.
    let femaleNames: [String]
    let maleNames: [String]
    let familyNames: [String]
    /// Family names for women where they differ (Russian `-ова`); empty when they do not.
    var femaleFamilyNames: [String] = []
    /// Templates for the display name.
    let displayNames: [String]
    /// Keywords per niche: real words and phrases a native speaker writes. Every niche has some.
    let keywords: [CreatorCategory: [String]]
    let bios: [String]
    let captions: [String]
    /// Disclosure tags for sponsored posts (`#ad`, `#广告`, `#PR`).
    let sponsorTags: [String]
    /// Hashtags not tied to a niche (`fyp`, `日常`, `keşfet`), without `#`.
    let generalTags: [String]
    /// What replaces a space when a keyword becomes a hashtag (Arabic writes `_`).
    var hashtagJoiner: String = ""
    /// Niches more (or less) common among this language's creators than on average.
    var categoryWeights: [CreatorCategory: Double] = [:]
    /// Brands of this market, by niche group.
    var brands: [BrandGroup: [String]] = [:]
    /// Reasons a team writes when it blacklists someone, in this language.
    var blacklistReasons: [String] = []
    /// Names used instead of the pack's in some countries (Nigerian or Filipino English).
    var regionalNames: [String: RegionalNames] = [:]
}

/// A country's own name lists within a language pack.
struct RegionalNames: Sendable {
    let female: [String]
    let male: [String]
    let family: [String]
}

/// Groups of niches that share advertisers.
enum BrandGroup: Sendable, CaseIterable {
    case beauty, fashion, tech, food, fitness, home, travel, media, marketplace

    init(_ category: CreatorCategory) {
        switch category {
        case .beauty, .skincare, .makeup, .wellness: self = .beauty
        case .fashion, .jewelry, .luxury, .lifestyle: self = .fashion
        case .tech, .electronics, .gaming: self = .tech
        case .food, .cooking: self = .food
        case .fitness, .health, .sports, .outdoors: self = .fitness
        case .home, .diy, .crafts, .parenting, .pets: self = .home
        case .travel, .photography, .automotive: self = .travel
        case .finance, .education, .music, .dance, .comedy, .art, .books: self = .media
        }
    }
}
