/// All language packs, compiled once, and the choice of a creator's language.
struct LanguageCatalog: Sendable {
    let packs: [CompiledLanguagePack]
    let choice: WeightedTable<Int>
    /// The English pack, source of the `{x}` loanwords and of English hashtags everywhere.
    let english: CompiledLanguagePack
    /// Brands advertised everywhere, by niche group.
    let globalBrands: [BrandGroup: [Brand]]

    static let shared = LanguageCatalog()

    private init() {
        let sources: [LanguagePack] = [
            .english, .spanish, .portuguese, .indonesian, .thai, .vietnamese, .chineseSimplified, .chineseTraditional,
            .japanese, .korean, .arabic, .russian, .german, .french, .turkish, .hindi, .italian,
        ]
        packs = sources.enumerated().map { CompiledLanguagePack($1, index: $0) }
        choice = WeightedTable(sources.enumerated().map { ($0, $1.share) })
        english = packs[0]
        globalBrands = GlobalBrands.table.mapValues { $0.map(Brand.init) }
    }

    /// Brands a creator in `category` writing in `pack` works with: local ones first.
    func brands(for category: CreatorCategory, pack: CompiledLanguagePack) -> (local: [Brand], global: [Brand]) {
        let group = BrandGroup(category)
        let local = (pack.brands[group] ?? []) + (pack.brands[.marketplace] ?? [])
        return (local, globalBrands[group] ?? [])
    }
}

/// International brands per niche group.
enum GlobalBrands {
    static let table: [BrandGroup: [String]] = [
        .beauty: ["The Ordinary|theordinary", "CeraVe", "La Roche-Posay|larocheposay", "Glow Recipe", "Sephora",
                  "Fenty Beauty|fentybeauty", "Laneige", "COSRX|cosrx", "Maybelline", "L'Oréal Paris|lorealparis",
                  "NYX Professional Makeup|nyxcosmetics", "Clinique", "Anessa|anessa_global"],
        .fashion: ["Zara", "H&M|hm", "Shein", "Uniqlo", "Nike", "Adidas", "Pandora", "Mango", "Levi's|levis"],
        .tech: ["Samsung", "Apple", "Xiaomi", "Logitech", "Razer", "Anker", "Sony", "ASUS ROG|asusrog", "Lenovo"],
        .food: ["Starbucks", "McDonald's|mcdonalds", "KFC", "Nestlé|nestle", "Coca-Cola|cocacola", "Oreo"],
        .fitness: ["Nike", "Adidas", "Gymshark", "MyProtein", "Decathlon", "Garmin", "Under Armour|underarmour"],
        .home: ["IKEA", "Dyson", "Philips", "Tefal", "Royal Canin|royalcanin", "Pampers"],
        .travel: ["Airbnb", "Booking.com|bookingcom", "Agoda", "GoPro", "Canon", "Klook", "Toyota", "BYD"],
        .media: ["Spotify", "Duolingo", "Binance", "Canva", "Audible", "Skillshare"],
        .marketplace: ["Amazon", "Shopee", "AliExpress"],
    ]
}
