/// Who the creator is: name, handle, platform id, niches. Drawn from the `identity` stream.
struct CreatorIdentity: Sendable {
    let isFemale: Bool
    let given: PersonName
    let family: PersonName
    let handle: [UInt8]
    let handleText: String
    let id: [UInt8]
    /// Niches, main first.
    let categories: [CreatorCategory]
    /// Extra free tags written in `categories` (`asmr`, `kpop`).
    let freeTags: [String]

    init(idNumber: UInt64, core: CreatorCore, random: inout SplitMix64) {
        // Creator gender follows the niche's audience loosely (beauty creators are mostly women).
        isFemale = random.chance(0.15 + 0.7 * core.primaryCategory.femaleAudienceShare)
        let names = core.pack.names(for: core.country.code)
        given = random.pick(isFemale ? names.female : names.male)
        let families = isFemale && !core.pack.femaleFamilyNames.isEmpty && core.pack.regionalNames[core.country.code] == nil
            ? core.pack.femaleFamilyNames : names.family
        family = random.pick(families)

        var niches = [core.primaryCategory]
        let extra = random.pick([0, 1, 1, 1, 2, 2, 3])
        let related = core.primaryCategory.related
        for _ in 0..<extra {
            let candidate = random.chance(0.8) ? random.pick(related) : CreatorCategory.allCases[random.below(32)]
            if !niches.contains(candidate) { niches.append(candidate) }
        }
        categories = niches
        freeTags = random.chance(0.06) ? [random.pick(CreatorCategory.freeTags)] : []

        handleText = CreatorIdentity.makeHandle(given: given, family: family, category: core.primaryCategory,
                                                country: core.country.code, random: &random)
        handle = Array(handleText.utf8)
        id = CreatorIdentity.makeID(platform: core.platform, market: core.country.market, number: idNumber,
                                    handle: handleText, random: &random)
    }

    /// Handles as people pick them: name-based, niche-based, with dots, underscores, digits.
    static func makeHandle(given: PersonName, family: PersonName, category: CreatorCategory, country: String,
                           random: inout SplitMix64) -> String {
        let first = given.handle.isEmpty ? "user" : given.handle
        let last = family.handle
        let word = random.pick(category.handleWords)
        let digits = String(random.integer(1...999))
        let yearOfBirth = random.integer(88...108) % 100
        let year = yearOfBirth < 10 ? "0\(yearOfBirth)" : "\(yearOfBirth)"
        var handle: String
        switch random.below(14) {
        case 0: handle = first + last
        case 1: handle = first + "." + last
        case 2: handle = first + "_" + word
        case 3: handle = word + "with" + first
        case 4: handle = "the" + first + word
        case 5: handle = first + digits
        case 6: handle = first + "_" + last + year
        case 7: handle = "its" + first + last.prefix(1)
        case 8: handle = first + ".daily"
        case 9: handle = first + word + country.lowercased()
        case 10: handle = word + "." + first
        case 11: handle = first + "." + word + digits
        case 12: handle = first + last.prefix(3) + "_"
        default: handle = first + "_" + word + "_" + digits
        }
        // Most platforms cap handles near 24–30 characters.
        if handle.count > 28 { handle = String(handle.prefix(24)) + digits.prefix(3) }
        return handle
    }

    /// `<platform>:<platform user id>` in the shape each platform's ids have. `number` is
    /// unique per creator (a bijection of its index), so ids never collide.
    static func makeID(platform: SyntheticPlatform, market: Country.Market, number: UInt64, handle: String,
                       random: inout SplitMix64) -> [UInt8] {
        let body: String
        switch platform {
        case .tiktok: body = String(6_700_000_000_000_000_000 &+ number &* 1000 &+ UInt64(random.below(1000)))
        case .x: body = String(1_200_000_000_000_000_000 &+ number &* 1000 &+ UInt64(random.below(1000)))
        case .instagram: body = String(1_000_000_000 &+ number)
        case .facebook: body = String(100_000_000_000_000 &+ number)
        case .twitch: body = String(100_000_000 &+ number)
        case .douyin: body = String(10_000_000_000 &+ number)
        case .kuaishou: body = String(1_000_000_000 &+ number)
        case .bilibili: body = String(1_000_000 &+ number)
        case .youtube:
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            var text = "UC"
            var rest = number
            for _ in 0..<7 {
                text.append(alphabet[Int(rest & 63)])
                rest >>= 6
            }
            for _ in 0..<15 { text.append(alphabet[random.below(64)]) }
            body = text
        case .xiaohongshu:
            let hex = Array("0123456789abcdef")
            var text = "5"
            var rest = number
            for _ in 0..<10 {
                text.append(hex[Int(rest & 15)])
                rest >>= 4
            }
            for _ in 0..<13 { text.append(hex[random.below(16)]) }
            body = text
        case .other:
            let site = switch market {
            case .china: "weibo"
            case .russia: "vk"
            case .japan: "niconico"
            case .korea: "afreecatv"
            case .india: "moj"
            case .mena: "snapchat"
            default: random.pick(["snapchat", "pinterest", "linkedin", "threads"])
            }
            body = site + "-" + String(number)
        }
        return Array((platform.name + ":" + body).utf8)
    }
}

/// A bijection on `bits`-bit numbers (32 or 40) keyed by the seed: turns indices into ids
/// that look random yet never collide.
enum IDPermutation {
    static func permute(_ value: UInt64, key: UInt64, bits: UInt64 = 40) -> UInt64 {
        let mask: UInt64 = (1 << bits) - 1
        let half = bits / 2
        var x = (value ^ key) & mask
        for round in 0..<3 {
            x = (x &* 0xD6E8_FEB8_6659_FD93 &+ UInt64(round) &* 0x9E37) & mask // odd multiplier: bijective mod 2^bits
            x ^= x >> (half - 1)
            x = (x &* 0xA076_1D64_78BD_642F) & mask
            x ^= x >> (half + 3)
        }
        return x
    }
}
