/// A person's name as written natively and in the Latin letters used for handles.
struct PersonName: Sendable {
    let native: [UInt8]
    /// Capitalised Latin form for display templates (`{G}`).
    let latinDisplay: [UInt8]
    /// Lower-case ASCII for handles and e-mail addresses.
    let handle: String

    /// `"美琳/meilin"` or `"Sofía"` (the Latin form derived by `LatinFolding`).
    init(_ entry: String) {
        let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
        let native = parts[0]
        let latin = parts.count > 1 ? parts[1] : native
        self.native = Array(native.utf8)
        let capitalised = latin.prefix(1).uppercased() + latin.dropFirst()
        latinDisplay = Array((parts.count > 1 ? capitalised : native).utf8)
        handle = LatinFolding.handleText(latin)
    }
}

/// A brand as named in text and as mentioned (`@handle`).
struct Brand: Sendable {
    let name: [UInt8]
    let mention: [UInt8]

    /// `"Glow Recipe"` (mention `@glowrecipe`) or `"花西子|florasis"`.
    init(_ entry: String) {
        let parts = entry.split(separator: "|", maxSplits: 1).map(String.init)
        name = Array(parts[0].utf8)
        let handle = parts.count > 1 ? parts[1] : LatinFolding.handleText(parts[0])
        mention = Array(("@" + handle).utf8)
    }
}

/// A `LanguagePack` turned into bytes and parsed templates, ready for fast text assembly.
struct CompiledLanguagePack: Sendable {
    let index: Int
    let code: String
    let variant: String
    let countries: WeightedTable<String>
    /// Main-niche choice for creators of this language: taxonomy popularity × the pack's weights.
    let categories: WeightedTable<CreatorCategory>
    let femaleNames: [PersonName]
    let maleNames: [PersonName]
    let familyNames: [PersonName]
    let femaleFamilyNames: [PersonName]
    let regionalNames: [String: (female: [PersonName], male: [PersonName], family: [PersonName])]
    let displayNames: [TextTemplate]
    /// By `CreatorCategory.rawValue`.
    let keywords: [[[UInt8]]]
    /// Hashtag forms (no `#`) of the keywords, by category.
    let hashtags: [[[UInt8]]]
    let bios: [TextTemplate]
    let captions: [TextTemplate]
    let sponsorTags: [[UInt8]]
    let generalTags: [[UInt8]]
    let brands: [BrandGroup: [Brand]]
    let blacklistReasons: [[UInt8]]
    let emailDomains: [String]
    /// Whether the script separates words with spaces (Thai, Chinese and Japanese do not).
    let spaced: Bool

    init(_ pack: LanguagePack, index: Int) {
        self.index = index
        code = pack.code
        variant = pack.variant
        countries = WeightedTable(pack.countries)
        categories = WeightedTable(CreatorCategory.allCases.map { ($0, $0.popularity * (pack.categoryWeights[$0] ?? 1)) })
        femaleNames = pack.femaleNames.map(PersonName.init)
        maleNames = pack.maleNames.map(PersonName.init)
        familyNames = pack.familyNames.map(PersonName.init)
        femaleFamilyNames = pack.femaleFamilyNames.map(PersonName.init)
        regionalNames = pack.regionalNames.mapValues { names in
            (names.female.map(PersonName.init), names.male.map(PersonName.init), names.family.map(PersonName.init))
        }
        displayNames = pack.displayNames.map(TextTemplate.init)
        keywords = CreatorCategory.allCases.map { category in
            guard let words = pack.keywords[category], !words.isEmpty else {
                preconditionFailure("language pack \(pack.variant) has no keywords for \(category.slug)")
            }
            return words.map { Array($0.utf8) }
        }
        hashtags = CreatorCategory.allCases.map { category in
            (pack.keywords[category] ?? []).map {
                Array(LatinFolding.hashtag($0, joiner: pack.hashtagJoiner, language: pack.code).utf8)
            }
        }
        bios = pack.bios.map(TextTemplate.init)
        captions = pack.captions.map(TextTemplate.init)
        sponsorTags = pack.sponsorTags.map { Array($0.utf8) }
        generalTags = pack.generalTags.map { Array($0.utf8) }
        brands = pack.brands.mapValues { $0.map(Brand.init) }
        blacklistReasons = pack.blacklistReasons.map { Array($0.utf8) }
        spaced = !["zh", "ja", "th"].contains(pack.code)
        emailDomains = switch pack.code {
        case "zh": pack.variant == "zh-Hans" ? ["qq.com", "163.com", "126.com", "gmail.com"] : ["gmail.com", "yahoo.com.tw", "outlook.com"]
        case "ja": ["gmail.com", "yahoo.co.jp", "icloud.com"]
        case "ko": ["naver.com", "gmail.com", "daum.net"]
        case "ru": ["mail.ru", "yandex.ru", "gmail.com"]
        case "de": ["gmail.com", "gmx.de", "web.de"]
        case "fr": ["gmail.com", "hotmail.fr", "orange.fr"]
        case "tr": ["gmail.com", "hotmail.com"]
        case "pt": ["gmail.com", "hotmail.com", "outlook.com"]
        default: ["gmail.com", "outlook.com", "yahoo.com", "icloud.com"]
        }
    }

    /// Names to use for a creator from `country` (regional lists where the pack has them).
    func names(for country: String) -> (female: [PersonName], male: [PersonName], family: [PersonName]) {
        if let regional = regionalNames[country] { return regional }
        return (femaleNames, maleNames, familyNames)
    }
}
