import Foundation

/// The blocks of a creator's lookalike vector that follow from its profile alone (topic,
/// market, gender, age, scale; see `LookalikeLayout`), computed on a worker thread while the
/// document is analysed. Each block is a unit vector times the square root of its weight,
/// stored as `Int16` in units of 1/32,767 (precise to 3e-5, so the final int8 quantisation
/// dominates the error), half the memory of `Float` while the build holds every document's.
public struct LookalikeFeatures: Sendable, Equatable {
    public static let scale: Float = 32_767
    /// `LookalikeLayout.profileDimensions.count` values.
    public var values: [Int16]

    public init(values: [Int16]) {
        precondition(values.count == LookalikeLayout.profileDimensions.count)
        self.values = values
    }

    /// No data: every block absent.
    public static let empty = LookalikeFeatures(values: [Int16](repeating: 0, count: LookalikeLayout.profileDimensions.count))

    /// - Parameter categories: the profile's category keys folded like the `category` facet.
    public init(profile: CreatorProfile, categories: [String]) {
        var values = [Float](repeating: 0, count: LookalikeLayout.profileDimensions.count)
        let audience = profile.audience
        Self.place(.topic, LookalikeEncoding.topic(categories: categories, interests: audience?.interests), into: &values)
        Self.place(.market, LookalikeEncoding.market(country: profile.country, languages: profile.languages,
                                                     audienceCountries: audience?.countries, audienceLanguages: audience?.languages),
                   into: &values)
        Self.place(.gender, audience?.genders.flatMap(LookalikeEncoding.gender), into: &values)
        Self.place(.age, audience?.ages.flatMap(LookalikeEncoding.age), into: &values)
        Self.place(.scale, LookalikeEncoding.scale(followers: profile.followers), into: &values)
        self.values = values.map { Int16(($0 * Self.scale).rounded()) }
    }

    /// Writes a block's unit vector, times the square root of its weight, at its place.
    private static func place(_ block: LookalikeLayout.Block, _ vector: [Float]?, into values: inout [Float]) {
        guard let vector else { return }
        let weight = Float(block.weight.squareRoot())
        let start = block.dimensions.lowerBound - LookalikeLayout.profileDimensions.lowerBound
        for (offset, value) in vector.enumerated() { values[start + offset] = value * weight }
    }

    /// The values as floats (a block times the square root of its weight).
    public var floats: [Float] { values.map { Float($0) / Self.scale } }
}

/// How each profile block of the lookalike vector is encoded (see `LookalikeLayout`). Every
/// function returns a unit vector of its block's size, or `nil` when there is nothing to encode.
public enum LookalikeEncoding {
    /// The dump format's category taxonomy, in the spec's order.
    public static let taxonomy = ["beauty", "skincare", "makeup", "fashion", "jewelry", "fitness", "health", "food",
                                  "cooking", "travel", "gaming", "tech", "electronics", "home", "diy", "parenting",
                                  "pets", "finance", "education", "music", "dance", "comedy", "sports", "outdoors",
                                  "automotive", "art", "photography", "books", "lifestyle", "luxury", "wellness", "crafts"]

    /// Topic: the 32 taxonomy slugs in 16 dimensions as two mutually unbiased bases, the first
    /// 16 slugs on the standard basis and the other 16 on the rows of the 16 × 16 Sylvester
    /// Hadamard matrix divided by 4. Any two distinct slugs then have a cosine of 0 or ±1/4
    /// (the least possible for 32 vectors in 16 dimensions is 0.18, the Welch bound), where
    /// random vectors would give ±0.25 on average and sometimes ±1. Free tags (`asmr`, `kpop`)
    /// get a pseudo-random ±1/4 vector from their hash. A creator's categories count 1, 1/√2,
    /// 1/√3… by position (the first is the main niche); audience interests count by share
    /// (`other` skipped). The two are normalised apart and mixed 0.8 : 0.6, interests
    /// sharing the categories' axes because they name the same taxonomy.
    public static func topic(categories: [String], interests: Distribution?) -> [Float]? {
        let size = LookalikeLayout.Block.topic.dimensions.count
        var own = [Float](repeating: 0, count: size)
        for (position, category) in categories.enumerated() {
            addSlug(category, weight: 1 / Float(position + 1).squareRoot(), into: &own)
        }
        var audience = [Float](repeating: 0, count: size)
        for entry in interests?.entries ?? [] where entry.key != "other" {
            addSlug(entry.key, weight: Float(entry.share), into: &audience)
        }
        return mix([(normalised(own), 0.8), (normalised(audience), 0.6)])
    }

    /// Market: countries and languages as keys (`c:US`, `l:en`) in 18 dimensions, each key a
    /// pseudo-random ±1/√18 vector from its hash (two distinct keys: cosine about ±0.24).
    /// The creator's country counts 1 and its languages 0.7 together; the audience's
    /// countries count by share and its languages by 0.7 × share (`other` skipped).
    public static func market(country: String?, languages: [String], audienceCountries: Distribution?,
                              audienceLanguages: Distribution?) -> [Float]? {
        let size = LookalikeLayout.Block.market.dimensions.count
        var vector = [Float](repeating: 0, count: size)
        if let country { addSigned(keyHash("c:", country), weight: 1, into: &vector) }
        for language in languages {
            addSigned(keyHash("l:", language), weight: 0.7 / Float(languages.count), into: &vector)
        }
        for entry in audienceCountries?.entries ?? [] where entry.key != "other" {
            addSigned(keyHash("c:", entry.key), weight: Float(entry.share), into: &vector)
        }
        for entry in audienceLanguages?.entries ?? [] where entry.key != "other" {
            addSigned(keyHash("l:", entry.key), weight: 0.7 * Float(entry.share), into: &vector)
        }
        return normalised(vector)
    }

    /// Gender: the female share of the audience (of female + male) as an angle over 120°:
    /// audiences 0.3 apart have cosine 0.81, 0.6 apart 0.31, all-female against all-male −0.5.
    public static func gender(_ genders: Distribution) -> [Float]? {
        let female = genders.share(of: "female"), male = genders.share(of: "male")
        guard female + male > 0 else { return nil }
        return angle(female / (female + male) * 2 * Double.pi / 3)
    }

    /// The age buckets of the dump format, youngest first.
    public static let ageBuckets = ["13-17", "18-24", "25-34", "35-44", "45-64", "65+"]

    /// Age: each bucket an angle (youngest 0°, oldest 120°, 24° apart); the audience is the
    /// share-weighted mean direction, so its cosine with another falls with the distance of
    /// their typical ages.
    public static func age(_ ages: Distribution) -> [Float]? {
        var x = 0.0, y = 0.0
        for (index, bucket) in ageBuckets.enumerated() {
            let share = ages.share(of: bucket)
            let theta = Double(index) * (2 * Double.pi / 3) / Double(ageBuckets.count - 1)
            x += share * cos(theta)
            y += share * sin(theta)
        }
        return normalised([Float(x), Float(y)])
    }

    /// Scale: log10 followers from 100 to 100M as an angle over 180°: one decade apart is
    /// cosine 0.87, two 0.5, three 0.
    public static func scale(followers: Int64) -> [Float] {
        let decades = log10(Double(max(followers, 1)))
        return angle(min(1, max(0, (decades - 2) / 6)) * Double.pi)
    }

    // MARK: - Parts

    /// Taxonomy slug → its position in `taxonomy`.
    private static let taxonomyIndex: [String: Int] = Dictionary(uniqueKeysWithValues: taxonomy.enumerated().map { ($1, $0) })

    /// Adds `weight` × the slug's topic vector (see `topic`) to `sum`.
    static func addSlug(_ slug: String, weight: Float, into sum: inout [Float]) {
        let size = sum.count
        guard let index = taxonomyIndex[slug] else {
            addSigned(keyHash("t:", slug), weight: weight, into: &sum)
            return
        }
        if index < size {
            sum[index] += weight
        } else {
            let row = index - size
            for column in 0..<size { sum[column] += (row & column).nonzeroBitCount % 2 == 0 ? weight / 4 : -weight / 4 }
        }
    }

    static func slugVector(_ slug: String) -> [Float] {
        var vector = [Float](repeating: 0, count: LookalikeLayout.Block.topic.dimensions.count)
        addSlug(slug, weight: 1, into: &vector)
        return vector
    }

    /// Adds `weight` × a ±1/√n vector whose signs are the low bits of `hash` (n ≤ 64).
    static func addSigned(_ hash: UInt64, weight: Float, into sum: inout [Float]) {
        let magnitude = weight / Float(sum.count).squareRoot()
        for index in sum.indices { sum[index] += hash >> UInt64(index) & 1 == 0 ? magnitude : -magnitude }
    }

    /// A stable 64-bit hash of `prefix` followed by `key` (FNV-1a over their UTF-8, then a
    /// finaliser that spreads the bits), without building the joined string.
    static func keyHash(_ prefix: StaticString, _ key: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        prefix.withUTF8Buffer { for byte in $0 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 } }
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }

    static func angle(_ theta: Double) -> [Float] { [Float(cos(theta)), Float(sin(theta))] }

    static func add(_ vector: [Float], weight: Float, into sum: inout [Float]) {
        for index in sum.indices { sum[index] += vector[index] * weight }
    }

    static func normalised(_ vector: [Float]) -> [Float]? {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 1e-6 else { return nil }
        return vector.map { $0 / norm }
    }

    /// The weighted sum of the present parts, normalised; `nil` when none is present.
    static func mix(_ parts: [([Float]?, Float)]) -> [Float]? {
        let present = parts.compactMap { part in part.0.map { ($0, part.1) } }
        guard let size = present.first?.0.count else { return nil }
        var sum = [Float](repeating: 0, count: size)
        for (vector, weight) in present { add(vector, weight: weight, into: &sum) }
        return normalised(sum)
    }
}
