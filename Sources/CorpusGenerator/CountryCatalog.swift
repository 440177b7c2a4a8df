/// The countries creators and audiences live in, with what makes a profile consistent with
/// its country: the languages spoken there, the neighbours its audience spills into, the
/// currency prices are quoted in, the local time offset of timestamps, cities, and which
/// platforms are used there.
struct Country: Sendable {
    /// Position in `CountryCatalog.all`; part of follower pool ids, so the order is fixed.
    let index: Int
    let code: String
    /// Languages of people living there, with shares (audience `languages`).
    let languages: [(String, Double)]
    /// Countries where a creator from here also finds followers, nearest first.
    let neighbours: [String]
    let currency: String
    /// Units of `currency` per US dollar (approximate, for quoting prices locally).
    let unitsPerUSD: Double
    let utcOffsetMinutes: Int
    let cities: [String]
    let market: Market

    /// Groups of countries with the same platform landscape.
    enum Market: Sendable {
        case global, china, greaterChina, japan, korea, russia, southeastAsia, brazil, india, mena, latam
    }
}

enum CountryCatalog {
    static let all: [Country] = {
        let rows: [(String, [(String, Double)], [String], String, Double, Int, [String], Country.Market)] = [
            ("US", [("en", 0.86), ("es", 0.14)], ["CA", "GB", "MX", "AU", "PH", "IN"], "USD", 1, -300,
             ["Los Angeles", "New York", "Austin", "Miami", "Chicago", "Atlanta", "Houston", "Seattle"], .global),
            ("GB", [("en", 1)], ["US", "IE", "AU", "CA", "IN", "NG"], "GBP", 0.79, 0,
             ["London", "Manchester", "Birmingham", "Glasgow", "Leeds", "Bristol"], .global),
            ("CA", [("en", 0.78), ("fr", 0.22)], ["US", "GB", "IN", "PH", "FR"], "CAD", 1.37, -300,
             ["Toronto", "Vancouver", "Montréal", "Calgary", "Ottawa"], .global),
            ("AU", [("en", 1)], ["NZ", "GB", "US"], "AUD", 1.52, 600, ["Sydney", "Melbourne", "Brisbane", "Perth"], .global),
            ("NZ", [("en", 1)], ["AU", "GB", "US"], "NZD", 1.66, 780, ["Auckland", "Wellington", "Christchurch"], .global),
            ("IE", [("en", 1)], ["GB", "US"], "EUR", 0.93, 0, ["Dublin", "Cork", "Galway"], .global),
            ("PH", [("en", 0.55), ("tl", 0.45)], ["US", "SA", "AE", "CA"], "PHP", 57, 480,
             ["Manila", "Quezon City", "Cebu", "Davao", "Makati"], .southeastAsia),
            ("NG", [("en", 1)], ["GB", "US", "ZA", "KE"], "NGN", 1540, 60, ["Lagos", "Abuja", "Port Harcourt", "Ibadan"], .global),
            ("IN", [("hi", 0.55), ("en", 0.45)], ["US", "AE", "GB", "PK", "BD"], "INR", 83, 330,
             ["Mumbai", "Delhi", "Bengaluru", "Hyderabad", "Pune", "Jaipur", "मुंबई", "दिल्ली"], .india),
            ("ZA", [("en", 1)], ["NG", "KE", "GB", "US"], "ZAR", 18.2, 120, ["Johannesburg", "Cape Town", "Durban"], .global),
            ("KE", [("en", 0.7), ("sw", 0.3)], ["NG", "ZA", "US", "GB"], "KES", 129, 180, ["Nairobi", "Mombasa"], .global),
            ("SG", [("en", 0.6), ("zh", 0.3), ("ms", 0.1)], ["MY", "ID", "PH", "IN"], "SGD", 1.34, 480,
             ["Singapore", "新加坡"], .southeastAsia),
            ("MY", [("ms", 0.5), ("zh", 0.3), ("en", 0.2)], ["SG", "ID"], "MYR", 4.6, 480,
             ["Kuala Lumpur", "吉隆坡", "Penang", "Johor Bahru"], .southeastAsia),
            ("ES", [("es", 1)], ["MX", "AR", "CO", "FR", "IT", "US"], "EUR", 0.93, 60,
             ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Bilbao"], .global),
            ("MX", [("es", 1)], ["US", "CO", "ES", "AR"], "MXN", 18, -360,
             ["Ciudad de México", "CDMX", "Guadalajara", "Monterrey", "Puebla", "Tijuana"], .latam),
            ("AR", [("es", 1)], ["ES", "CL", "MX", "CO"], "ARS", 1180, -180, ["Buenos Aires", "Córdoba", "Rosario", "Mendoza"], .latam),
            ("CO", [("es", 1)], ["MX", "ES", "US", "PE"], "COP", 4000, -300, ["Bogotá", "Medellín", "Cali", "Barranquilla"], .latam),
            ("CL", [("es", 1)], ["AR", "PE", "ES"], "CLP", 950, -180, ["Santiago", "Valparaíso", "Concepción"], .latam),
            ("PE", [("es", 1)], ["CO", "CL", "MX"], "PEN", 3.7, -300, ["Lima", "Arequipa", "Cusco"], .latam),
            ("BR", [("pt", 1)], ["PT", "US", "AR"], "BRL", 5.5, -180,
             ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Salvador", "Curitiba", "Recife", "Fortaleza"], .brazil),
            ("PT", [("pt", 1)], ["BR", "ES", "FR"], "EUR", 0.93, 0, ["Lisboa", "Porto", "Braga", "Faro"], .global),
            ("ID", [("id", 1)], ["MY", "SG"], "IDR", 16_000, 420,
             ["Jakarta", "Surabaya", "Bandung", "Medan", "Bali", "Yogyakarta", "Makassar"], .southeastAsia),
            ("TH", [("th", 1)], ["MY", "SG", "VN"], "THB", 35, 420, ["กรุงเทพฯ", "เชียงใหม่", "ภูเก็ต", "Bangkok", "ขอนแก่น"], .southeastAsia),
            ("VN", [("vi", 1)], ["US", "TH", "KR"], "VND", 25_500, 420, ["Hà Nội", "TP.HCM", "Sài Gòn", "Đà Nẵng", "Hải Phòng"], .southeastAsia),
            ("CN", [("zh", 1)], ["TW", "HK", "MY", "SG", "US"], "CNY", 7.2, 480,
             ["上海", "北京", "广州", "深圳", "杭州", "成都", "重庆", "武汉"], .china),
            ("TW", [("zh", 1)], ["HK", "CN", "MY", "SG"], "TWD", 32, 480, ["台北", "台中", "高雄", "新竹", "台南"], .greaterChina),
            ("HK", [("zh", 0.8), ("en", 0.2)], ["TW", "CN", "SG"], "HKD", 7.8, 480, ["香港", "九龍", "旺角", "Hong Kong"], .greaterChina),
            ("JP", [("ja", 1)], ["TW", "KR", "US"], "JPY", 150, 540, ["東京", "大阪", "福岡", "札幌", "名古屋", "横浜"], .japan),
            ("KR", [("ko", 1)], ["JP", "US", "TW"], "KRW", 1370, 540, ["서울", "부산", "인천", "대구", "Seoul"], .korea),
            ("SA", [("ar", 0.9), ("en", 0.1)], ["AE", "EG"], "SAR", 3.75, 180, ["الرياض", "جدة", "الدمام", "Riyadh"], .mena),
            ("AE", [("ar", 0.5), ("en", 0.5)], ["SA", "IN", "EG"], "AED", 3.67, 240, ["دبي", "أبوظبي", "Dubai", "Abu Dhabi"], .mena),
            ("EG", [("ar", 1)], ["SA", "AE", "MA"], "EGP", 48, 120, ["القاهرة", "الإسكندرية", "الجيزة", "Cairo"], .mena),
            ("MA", [("ar", 0.7), ("fr", 0.3)], ["FR", "EG", "SA", "ES"], "MAD", 10, 60, ["الدار البيضاء", "Marrakech", "الرباط", "Casablanca"], .mena),
            ("RU", [("ru", 1)], ["KZ", "BY", "UA"], "RUB", 92, 180, ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург"], .russia),
            ("KZ", [("ru", 0.6), ("kk", 0.4)], ["RU"], "KZT", 480, 300, ["Алматы", "Астана"], .russia),
            ("BY", [("ru", 1)], ["RU", "UA"], "BYN", 3.3, 180, ["Минск"], .russia),
            ("DE", [("de", 0.9), ("tr", 0.1)], ["AT", "CH"], "EUR", 0.93, 60,
             ["Berlin", "München", "Hamburg", "Köln", "Frankfurt", "Stuttgart"], .global),
            ("AT", [("de", 1)], ["DE", "CH"], "EUR", 0.93, 60, ["Wien", "Graz", "Salzburg"], .global),
            ("CH", [("de", 0.65), ("fr", 0.25), ("it", 0.1)], ["DE", "FR", "AT", "IT"], "CHF", 0.89, 60,
             ["Zürich", "Genève", "Basel", "Lugano"], .global),
            ("FR", [("fr", 1)], ["BE", "CH", "CA", "MA"], "EUR", 0.93, 60, ["Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Nantes"], .global),
            ("BE", [("fr", 0.45), ("nl", 0.55)], ["FR", "NL"], "EUR", 0.93, 60, ["Bruxelles", "Liège", "Anvers"], .global),
            ("TR", [("tr", 1)], ["DE", "NL", "AZ"], "TRY", 34, 180, ["İstanbul", "Ankara", "İzmir", "Antalya", "Bursa"], .global),
            ("IT", [("it", 1)], ["CH", "DE", "FR"], "EUR", 0.93, 60, ["Milano", "Roma", "Napoli", "Torino", "Firenze", "Bologna"], .global),
            ("PK", [("ur", 0.7), ("en", 0.3)], ["IN", "AE", "SA"], "PKR", 280, 300, ["Karachi", "Lahore"], .india),
            ("BD", [("bn", 1)], ["IN"], "BDT", 118, 360, ["Dhaka"], .india),
            ("NL", [("nl", 1)], ["BE", "DE"], "EUR", 0.93, 60, ["Amsterdam", "Rotterdam"], .global),
            ("PL", [("pl", 1)], ["DE", "GB"], "PLN", 4, 60, ["Warszawa", "Kraków"], .global),
            ("SE", [("sv", 1)], ["NO", "DK"], "SEK", 10.5, 60, ["Stockholm", "Göteborg"], .global),
            ("UA", [("uk", 0.7), ("ru", 0.3)], ["PL", "DE"], "UAH", 41, 120, ["Київ", "Львів"], .global),
        ]
        return rows.enumerated().map { index, row in
            Country(index: index, code: row.0, languages: row.1, neighbours: row.2, currency: row.3, unitsPerUSD: row.4,
                    utcOffsetMinutes: row.5, cities: row.6, market: row.7)
        }
    }()

    private static let byCode: [String: Country] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The country with `code`; only codes of `all` are ever asked for (a programming error otherwise).
    static func country(_ code: String) -> Country {
        guard let country = byCode[code] else { preconditionFailure("unknown country \(code) in the generator's tables") }
        return country
    }

    static func has(_ code: String) -> Bool { byCode[code] != nil }

    /// Countries a bought or misdirected audience typically comes from (audience mismatch):
    /// populous markets unrelated to most creators.
    static let unrelatedAudienceSources = ["IN", "PK", "BD", "ID", "BR", "EG", "VN", "PH", "NG", "TR", "RU", "MX"]
}
