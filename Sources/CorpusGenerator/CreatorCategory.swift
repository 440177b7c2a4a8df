/// The dump format's category taxonomy (32 slugs), with what the generator needs to know
/// about each niche: how common it is, which niches go with it, who its audience is, and
/// the short English word used in handles.
public enum CreatorCategory: Int, CaseIterable, Sendable {
    case beauty, skincare, makeup, fashion, jewelry, fitness, health, food, cooking, travel, gaming, tech,
         electronics, home, diy, parenting, pets, finance, education, music, dance, comedy, sports, outdoors,
         automotive, art, photography, books, lifestyle, luxury, wellness, crafts

    /// The lowercase slug written in `categories` and audience `interests`.
    public var slug: String {
        switch self {
        case .beauty: "beauty"
        case .skincare: "skincare"
        case .makeup: "makeup"
        case .fashion: "fashion"
        case .jewelry: "jewelry"
        case .fitness: "fitness"
        case .health: "health"
        case .food: "food"
        case .cooking: "cooking"
        case .travel: "travel"
        case .gaming: "gaming"
        case .tech: "tech"
        case .electronics: "electronics"
        case .home: "home"
        case .diy: "diy"
        case .parenting: "parenting"
        case .pets: "pets"
        case .finance: "finance"
        case .education: "education"
        case .music: "music"
        case .dance: "dance"
        case .comedy: "comedy"
        case .sports: "sports"
        case .outdoors: "outdoors"
        case .automotive: "automotive"
        case .art: "art"
        case .photography: "photography"
        case .books: "books"
        case .lifestyle: "lifestyle"
        case .luxury: "luxury"
        case .wellness: "wellness"
        case .crafts: "crafts"
        }
    }

    public init?(slug: String) {
        guard let match = CreatorCategory.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = match
    }

    /// Relative share of creators whose main niche this is (before language adjustments).
    var popularity: Double {
        switch self {
        case .beauty: 9
        case .skincare: 6
        case .makeup: 5
        case .fashion: 9
        case .jewelry: 1.5
        case .fitness: 6
        case .health: 2
        case .food: 7
        case .cooking: 4
        case .travel: 5
        case .gaming: 7
        case .tech: 4
        case .electronics: 1.5
        case .home: 3
        case .diy: 1.5
        case .parenting: 3
        case .pets: 3
        case .finance: 2.5
        case .education: 2.5
        case .music: 4
        case .dance: 3
        case .comedy: 5
        case .sports: 3
        case .outdoors: 1.5
        case .automotive: 2
        case .art: 2
        case .photography: 1.5
        case .books: 1.5
        case .lifestyle: 8
        case .luxury: 1
        case .wellness: 2
        case .crafts: 1
        }
    }

    /// Niches a creator in this one often also covers, most likely first.
    var related: [CreatorCategory] {
        switch self {
        case .beauty: [.skincare, .makeup, .fashion, .lifestyle, .wellness]
        case .skincare: [.beauty, .makeup, .wellness, .health]
        case .makeup: [.beauty, .skincare, .fashion]
        case .fashion: [.beauty, .lifestyle, .jewelry, .luxury, .travel]
        case .jewelry: [.fashion, .luxury, .crafts]
        case .fitness: [.health, .wellness, .food, .sports, .lifestyle]
        case .health: [.fitness, .wellness, .food, .cooking]
        case .food: [.cooking, .travel, .lifestyle, .health]
        case .cooking: [.food, .home, .parenting, .health]
        case .travel: [.photography, .food, .lifestyle, .outdoors, .luxury]
        case .gaming: [.tech, .comedy, .electronics, .music]
        case .tech: [.electronics, .gaming, .education, .finance]
        case .electronics: [.tech, .gaming, .photography]
        case .home: [.diy, .lifestyle, .cooking, .crafts]
        case .diy: [.home, .crafts, .art]
        case .parenting: [.lifestyle, .cooking, .education, .home]
        case .pets: [.lifestyle, .comedy, .outdoors]
        case .finance: [.education, .tech, .lifestyle]
        case .education: [.books, .tech, .finance]
        case .music: [.dance, .comedy, .art]
        case .dance: [.music, .fitness, .comedy]
        case .comedy: [.lifestyle, .music, .gaming]
        case .sports: [.fitness, .outdoors, .health]
        case .outdoors: [.travel, .sports, .photography, .fitness]
        case .automotive: [.tech, .travel, .luxury]
        case .art: [.crafts, .photography, .diy]
        case .photography: [.travel, .art, .electronics]
        case .books: [.education, .lifestyle, .art]
        case .lifestyle: [.fashion, .beauty, .food, .travel, .wellness]
        case .luxury: [.fashion, .travel, .jewelry, .automotive]
        case .wellness: [.health, .fitness, .skincare, .lifestyle]
        case .crafts: [.diy, .art, .home]
        }
    }

    /// The usual share of women in the audience.
    var femaleAudienceShare: Double {
        switch self {
        case .beauty: 0.84
        case .skincare: 0.82
        case .makeup: 0.88
        case .fashion: 0.72
        case .jewelry: 0.76
        case .fitness: 0.50
        case .health: 0.60
        case .food: 0.55
        case .cooking: 0.64
        case .travel: 0.56
        case .gaming: 0.22
        case .tech: 0.24
        case .electronics: 0.22
        case .home: 0.70
        case .diy: 0.46
        case .parenting: 0.84
        case .pets: 0.66
        case .finance: 0.34
        case .education: 0.52
        case .music: 0.50
        case .dance: 0.62
        case .comedy: 0.48
        case .sports: 0.26
        case .outdoors: 0.40
        case .automotive: 0.14
        case .art: 0.62
        case .photography: 0.44
        case .books: 0.74
        case .lifestyle: 0.66
        case .luxury: 0.60
        case .wellness: 0.74
        case .crafts: 0.80
        }
    }

    /// How much younger (negative) or older (positive) the audience is than the platform's
    /// usual, in age buckets.
    var audienceAgeShift: Double {
        switch self {
        case .gaming: -0.8
        case .dance: -0.7
        case .comedy: -0.4
        case .makeup: -0.3
        case .music: -0.3
        case .fashion: -0.2
        case .beauty, .electronics, .tech, .skincare: 0
        case .parenting: 0.6
        case .finance: 0.5
        case .home, .diy, .crafts, .cooking: 0.6
        case .health, .wellness: 0.5
        case .luxury, .automotive, .outdoors: 0.4
        case .travel, .books, .photography: 0.2
        default: 0
        }
    }

    /// A short English word for handles (`mei.skin`, `thefitjay`).
    var handleWords: [String] {
        switch self {
        case .beauty: ["beauty", "glow", "pretty", "beautyby"]
        case .skincare: ["skin", "skincare", "glow", "skinlab"]
        case .makeup: ["makeup", "mua", "glam", "lips"]
        case .fashion: ["style", "fashion", "ootd", "wears", "closet"]
        case .jewelry: ["jewels", "gold", "sparkle"]
        case .fitness: ["fit", "fitness", "lifts", "gains", "trains"]
        case .health: ["health", "wellfed", "nutrition"]
        case .food: ["eats", "foodie", "food", "bites"]
        case .cooking: ["cooks", "kitchen", "recipes", "bakes"]
        case .travel: ["travels", "wanders", "travel", "abroad"]
        case .gaming: ["gaming", "plays", "gg", "gamer", "tv"]
        case .tech: ["tech", "techie", "dev", "bytes"]
        case .electronics: ["gear", "tech", "setup"]
        case .home: ["home", "nest", "interiors", "living"]
        case .diy: ["diy", "makes", "builds"]
        case .parenting: ["mama", "mom", "dad", "family"]
        case .pets: ["pets", "pup", "meow", "paws"]
        case .finance: ["money", "invests", "finance", "wealth"]
        case .education: ["learns", "study", "teaches", "edu"]
        case .music: ["music", "sings", "beats", "sound"]
        case .dance: ["dance", "moves", "dancer"]
        case .comedy: ["lol", "comedy", "funny", "jokes"]
        case .sports: ["sports", "ball", "athlete"]
        case .outdoors: ["outdoors", "wild", "trails", "hikes"]
        case .automotive: ["cars", "drives", "garage", "motors"]
        case .art: ["art", "draws", "paints", "studio"]
        case .photography: ["shots", "photo", "lens", "frames"]
        case .books: ["reads", "books", "bookish", "pages"]
        case .lifestyle: ["life", "daily", "diaries", "vibes"]
        case .luxury: ["luxe", "luxury", "elite"]
        case .wellness: ["zen", "wellness", "calm", "soul"]
        case .crafts: ["crafts", "handmade", "makes", "knits"]
        }
    }

    /// Emoji that go with the niche (some with skin tones and ZWJ sequences).
    var emoji: [String] {
        switch self {
        case .beauty: ["✨", "💅", "💖", "🌸", "💗", "💅🏽"]
        case .skincare: ["🧴", "🌿", "✨", "💧", "🧖‍♀️", "🍋"]
        case .makeup: ["💄", "💋", "👄", "✨", "🎨"]
        case .fashion: ["👗", "👠", "🛍️", "🧥", "👟", "✨"]
        case .jewelry: ["💍", "💎", "✨", "📿"]
        case .fitness: ["💪", "🏋️‍♀️", "🔥", "🏃‍♂️", "🥗", "💪🏽"]
        case .health: ["🩺", "🍎", "🥦", "💚"]
        case .food: ["🍜", "🍣", "🍰", "☕", "🍔", "🌮", "😋"]
        case .cooking: ["🍳", "👩‍🍳", "🥘", "🧁", "🍞"]
        case .travel: ["✈️", "🌍", "🏝️", "🗺️", "🧳", "🌅"]
        case .gaming: ["🎮", "🕹️", "👾", "🔥", "🏆"]
        case .tech: ["📱", "💻", "🤖", "⚡", "🔧"]
        case .electronics: ["🎧", "🔌", "📷", "💻"]
        case .home: ["🏡", "🛋️", "🪴", "🕯️", "🧺"]
        case .diy: ["🔨", "🪚", "🛠️", "🎨"]
        case .parenting: ["👶", "🍼", "👨‍👩‍👧", "💕", "👶🏻"]
        case .pets: ["🐶", "🐱", "🐾", "🐕", "🐈"]
        case .finance: ["💰", "📈", "💸", "🏦"]
        case .education: ["📚", "✏️", "🎓", "🧠"]
        case .music: ["🎵", "🎸", "🎤", "🎹", "🎶"]
        case .dance: ["💃", "🕺", "🎶", "🔥", "💃🏻"]
        case .comedy: ["😂", "🤣", "😅", "🙃"]
        case .sports: ["⚽", "🏀", "🏸", "🏆", "🥊"]
        case .outdoors: ["🏕️", "⛰️", "🎣", "🌲", "🥾"]
        case .automotive: ["🚗", "🏎️", "🏍️", "🔧"]
        case .art: ["🎨", "🖌️", "✏️", "🖼️"]
        case .photography: ["📷", "📸", "🌄", "🎞️"]
        case .books: ["📚", "📖", "☕", "🔖"]
        case .lifestyle: ["☕", "✨", "🌿", "🌙", "🤍"]
        case .luxury: ["💎", "🥂", "👜", "⌚", "✨"]
        case .wellness: ["🧘‍♀️", "🌿", "🕯️", "🤍", "☮️"]
        case .crafts: ["🧶", "✂️", "🪡", "🧵"]
        }
    }

    /// Emoji any creator might use.
    static let commonEmoji = ["✨", "🔥", "💕", "🙌", "👍🏽", "❤️", "😍", "🥰", "🤍", "🌟", "👇", "📍", "💯", "🙏🏻"]

    /// Tags outside the taxonomy that providers put in `categories` (kept as free tags).
    static let freeTags = ["asmr", "unboxing", "kpop", "anime", "vanlife", "mukbang", "cosplay", "vegan",
                           "plus-size", "modest-fashion", "streetwear", "k-beauty", "booktok", "minimalism"]
}
