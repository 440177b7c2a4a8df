import Foundation

/// A creator's commercial record: price (scaled by reach and engagement, in USD or the local
/// currency), past collaborations, shop performance on platforms with shops, and a
/// blacklisting when the fraud plan says so.
enum CommercialModel {
    static func price(core: CreatorCore, followers: Int64, engagementQuality: Double,
                      random: inout SplitMix64) -> PriceRecord? {
        guard random.chance(0.55) else { return nil }
        let platformFactor: Double = switch core.platform {
        case .youtube: 1.6
        case .twitch: 0.8
        case .x: 0.4
        case .facebook: 0.6
        case .douyin: 1.2
        case .xiaohongshu: 1.1
        case .kuaishou: 0.8
        case .tiktok: 0.9
        case .instagram, .bilibili: 1
        case .other: 0.6
        }
        let marketFactor: Double = switch core.country.market {
        case .global: ["US", "GB", "AU", "CA", "CH"].contains(core.country.code) ? 1.3 : 0.9
        case .japan, .korea: 1.1
        case .china: 0.9
        case .greaterChina, .mena: 1
        case .southeastAsia, .latam, .russia: 0.5
        case .brazil: 0.6
        case .india: 0.4
        }
        let usd = max(15, 0.01 * Double(followers) * platformFactor * marketFactor
                      * pow(min(max(engagementQuality, 0.2), 3), 0.5) * random.logNormal(mu: 0, sigma: 0.35))
        let roll = random.unit()
        let currency = roll < 0.62 ? "USD" : roll < 0.97 ? core.country.currency : "EUR"
        let rate = currency == "USD" ? 1 : currency == "EUR" ? 0.93 : core.country.unitsPerUSD
        let base = usd * rate
        var price = PriceRecord(currency: currency)
        switch core.platform {
        case .tiktok, .douyin, .kuaishou:
            price.perVideo = roundPrice(base)
            if random.chance(0.4) { price.perLive = roundPrice(base * 1.5) }
        case .instagram, .xiaohongshu:
            price.perPost = roundPrice(base)
            if random.chance(0.4) { price.perVideo = roundPrice(base * 1.3) }
        case .youtube, .bilibili:
            price.perVideo = roundPrice(base)
            if random.chance(0.2) { price.perPost = roundPrice(base * 0.4) }
        case .twitch:
            price.perLive = roundPrice(base)
            if random.chance(0.3) { price.perVideo = roundPrice(base * 0.8) }
        case .x, .facebook, .other:
            price.perPost = roundPrice(base)
        }
        return price
    }

    /// Prices as people quote them: two significant digits (350, 1,200, 4,500,000 IDR).
    static func roundPrice(_ value: Double) -> Double {
        guard value >= 10 else { return max(1, value.rounded()) }
        let magnitude = pow(10, floor(log10(value)) - 1)
        return (value / magnitude).rounded() * magnitude
    }

    /// `brands`: candidate brand names of the creator's markets and niches.
    static func collaborations(followers: Int64, plan: FraudPlan, brands: [[UInt8]],
                               random: inout SplitMix64) -> CollaborationRecord? {
        let needed = plan.has(.ghostingHistory) || plan.has(.disputes) || plan.has(.lateDelivery)
        let logSize = log10(Double(max(followers, 10)))
        guard needed || random.chance(min(0.85, 0.3 + 0.1 * (logSize - 3))) else { return nil }
        var completed = random.poisson(max(0.5, 2 + 7 * (logSize - 3.3)))
        var late = 0
        for _ in 0..<completed where random.chance(0.06) { late += 1 }
        late = min(late, Int(Double(completed) * 0.15))
        var ghosted = completed >= 5 && random.chance(0.03) ? 1 : 0
        var disputes = completed >= 3 && random.chance(0.05) ? 1 : 0
        if plan.has(.ghostingHistory) {
            ghosted = random.integer(2...6)
            completed = max(completed, ghosted + random.integer(3...10))
        }
        if plan.has(.disputes) {
            disputes = random.integer(2...5)
            completed = max(completed, disputes + random.integer(2...8))
        }
        if plan.has(.lateDelivery) {
            completed = max(completed, random.integer(6...24))
            late = Int((Double(completed) * random.uniform(0.4...0.8)).rounded(.up))
        }
        var record = CollaborationRecord(completed: completed, late: late, ghosted: ghosted, disputes: disputes)
        if completed > 0 && random.chance(0.8) {
            var names: [[UInt8]] = []
            for _ in 0..<min(completed, random.integer(1...5)) {
                let name = random.pick(brands)
                if !names.contains(name) { names.append(name) }
            }
            record.brands = names
        }
        return record
    }

    static let shopNiches: Set<CreatorCategory> = [.beauty, .skincare, .makeup, .fashion, .jewelry, .food, .cooking,
                                                   .home, .electronics, .tech, .pets, .parenting, .fitness, .health,
                                                   .lifestyle]

    static func commerce(core: CreatorCore, categories: [CreatorCategory], averageViews: Double, plan: FraudPlan,
                         random: inout SplitMix64) -> CommerceRecord? {
        guard core.platform.hasShop else { return nil }
        guard random.chance(shopNiches.contains(categories[0]) ? 0.35 : 0.08) || plan.has(.ghostingHistory) && random.chance(0.5)
        else { return nil }
        let postsPerMonth = 30 / core.platform.daysBetweenPosts
        let views30d = averageViews * postsPerMonth
        let gpm = random.logNormal(mu: log(8), sigma: 0.8)
        let gmv = views30d / 1_000 * gpm
        let unitPrice = random.uniform(8...45)
        var record = CommerceRecord(gmv30dUSD: (gmv * 100).rounded() / 100, unitsSold30d: Int(gmv / unitPrice),
                                    gpmUSD: (gpm * 100).rounded() / 100)
        let ghosting = plan.has(.ghostingHistory)
        if random.chance(0.85) { record.sampleFulfilmentRate = ghosting ? random.uniform(0.3...0.65) : random.uniform(0.85...1) }
        if random.chance(0.85) { record.responseRate = ghosting ? random.uniform(0.2...0.6) : random.uniform(0.7...1) }
        return record
    }

    static func blacklisting(core: CreatorCore, updatedAt: CalendarDay, random: inout SplitMix64) -> BlacklistRecord {
        let reasons = random.chance(0.7) && !core.pack.blacklistReasons.isEmpty
            ? core.pack.blacklistReasons : LanguageCatalog.shared.english.blacklistReasons
        let sources: [String] = switch core.platform {
        case .douyin: ["星图 Xingtu", "internal", "agency shared list"]
        case .xiaohongshu: ["蒲公英 Pugongying", "internal", "brand team"]
        case .tiktok: ["TikTok Shop Partner Center", "internal", "agency shared list"]
        default: ["internal", "brand team", "agency shared list", "marketplace"]
        }
        return BlacklistRecord(reason: random.pick(reasons), source: Array(random.pick(sources).utf8),
                               since: updatedAt - random.integer(5...400))
    }
}
