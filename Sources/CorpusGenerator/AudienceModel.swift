import Foundation

/// Who follows a creator: countries (mostly its own and neighbours, unless the audience is
/// mismatched), languages derived from those countries, genders and ages that depend on the
/// niches and platform, interests correlated with the niches, credibility, and the follower
/// sample (`FollowerPools`).
enum AudienceModel {
    struct Inputs {
        let core: CreatorCore
        let categories: [CreatorCategory]
        let plan: FraudPlan
        let followers: Int64
        let seed: UInt64
        /// Largest follower sample written (`GeneratorOptions.maxSampleSize`).
        let maxSampleSize: Int
    }

    static func make(_ inputs: Inputs, random: inout SplitMix64, sampleRandom: inout SplitMix64) -> AudienceRecord? {
        let plan = inputs.plan
        let mustExist = plan.has(.lowCredibility) || plan.has(.audienceMismatch)
        guard mustExist || random.chance(0.86) else { return nil }
        let home = inputs.core.country
        let mismatchTarget = plan.has(.audienceMismatch) ? mismatchCountry(for: inputs.core, random: &random) : nil

        let countryShares = countries(home: home, mismatch: mismatchTarget, random: &random)
        var audience = AudienceRecord(sampleStyle: .integers)
        if mismatchTarget != nil || random.chance(0.9) { audience.countries = countryShares }
        if mismatchTarget != nil || random.chance(0.8) { audience.languages = languages(from: countryShares) }
        if random.chance(0.88) { audience.genders = genders(inputs.categories, random: &random) }
        if random.chance(0.85) {
            audience.ages = ages(platform: inputs.core.platform, categories: inputs.categories, random: &random)
        }
        if random.chance(0.7) { audience.interests = interests(inputs.categories, random: &random) }
        if plan.has(.lowCredibility) {
            audience.credibility = random.uniform(0.2...0.5)
        } else if random.chance(0.8) {
            audience.credibility = plan.has(.boughtFollowers) ? random.uniform(0.52...0.68)
                : random.chance(0.95) ? random.uniform(0.7...0.96) : random.uniform(0.6...0.7)
        }
        if random.chance(0.72) {
            let sampleCountry = mismatchTarget.flatMap { CountryCatalog.has($0) ? CountryCatalog.country($0) : nil } ?? home
            let neighbour = sampleCountry.neighbours.first { CountryCatalog.has($0) }.map(CountryCatalog.country)
            let primary = inputs.categories[0]
            let secondary = inputs.categories.count > 1 ? inputs.categories[1] : primary
            let bots = plan.has(.boughtFollowers) || plan.has(.lowCredibility)
            let request = FollowerPools.Request(
                size: min(inputs.maxSampleSize, FollowerPools.sampleSize(followers: inputs.followers, random: &sampleRandom)),
                primary: FollowerPools.poolNumber(category: primary, country: sampleCountry),
                secondary: FollowerPools.poolNumber(category: secondary, country: sampleCountry),
                neighbour: neighbour.map { FollowerPools.poolNumber(category: primary, country: $0) },
                worldShare: bots ? sampleRandom.uniform(0.45...0.65) : sampleRandom.uniform(0.1...0.22),
                twinPair: mismatchTarget == nil ? inputs.core.twinPair : nil)
            audience.sample = FollowerPools.sample(request, seed: inputs.seed, random: &sampleRandom)
            let style = random.unit()
            audience.sampleStyle = style < 0.86 ? .integers : style < 0.95 ? .strings : .mixed
        }
        return audience
    }

    /// A populous country unrelated to the creator: another language, not a neighbour.
    static func mismatchCountry(for core: CreatorCore, random: inout SplitMix64) -> String {
        let candidates = CountryCatalog.unrelatedAudienceSources.filter { code in
            let country = CountryCatalog.country(code)
            return code != core.country.code && !core.country.neighbours.contains(code)
                && !country.languages.contains { $0.0 == core.pack.code }
        }
        return candidates.isEmpty ? "BD" : random.pick(candidates)
    }

    static func countries(home: Country, mismatch: String?, random: inout SplitMix64) -> ShareTable {
        var weights: [(String, Double)] = []
        let other = random.uniform(0.04...0.16)
        if let target = mismatch {
            let targetShare = random.uniform(0.55...0.8)
            let homeShare = random.uniform(0.02...0.08)
            weights.append((target, targetShare))
            weights.append((home.code, homeShare))
            let rest = max(0, 1 - targetShare - homeShare - other)
            let spill = CountryCatalog.has(target) ? CountryCatalog.country(target).neighbours : []
            for (position, code) in spill.prefix(2).enumerated() where code != home.code {
                weights.append((code, rest * (position == 0 ? 0.6 : 0.4)))
            }
        } else {
            let homeShare = random.uniform(0.45...0.82)
            weights.append((home.code, homeShare))
            let rest = max(0, 1 - homeShare - other)
            let neighbours = Array(home.neighbours.prefix(random.integer(1...4)))
            var decay = 1.0
            let total = neighbours.indices.reduce(0.0) { sum, position in sum + pow(0.55, Double(position)) }
            for code in neighbours {
                weights.append((code, rest * decay / total * random.uniform(0.8...1.2)))
                decay *= 0.55
            }
        }
        weights.append(("other", other))
        return ShareTable(weights: weights)
    }

    /// Languages follow from where followers live.
    static func languages(from countries: ShareTable) -> ShareTable {
        var weights: [(String, Double)] = []
        for (code, basisPoints) in countries.entries {
            let share = Double(basisPoints)
            if code != "other" && CountryCatalog.has(code) {
                for (language, fraction) in CountryCatalog.country(code).languages {
                    weights.append((language, share * fraction))
                }
            } else {
                weights.append(("other", share))
            }
        }
        // Fold languages under 1% into `other`.
        let total = weights.reduce(0) { $0 + $1.1 }
        var folded: [(String, Double)] = []
        var merged: [String: Double] = [:]
        for (language, weight) in weights { merged[language, default: 0] += weight }
        for (language, weight) in merged.sorted(by: { $0.key < $1.key }) {
            folded.append(weight / total < 0.01 ? ("other", weight) : (language, weight))
        }
        return ShareTable(weights: folded)
    }

    static func genders(_ categories: [CreatorCategory], random: inout SplitMix64) -> ShareTable {
        var sum = categories[0].femaleAudienceShare * 2
        for category in categories.dropFirst() { sum += category.femaleAudienceShare }
        let female = min(0.97, max(0.03, sum / Double(categories.count + 1) + 0.05 * random.clippedNormal(limit: 2)))
        let other = random.chance(0.3) ? random.uniform(0.005...0.02) : 0
        return ShareTable(weights: [("female", female), ("male", 1 - female - other), ("other", other)])
    }

    static let ageBuckets = ["13-17", "18-24", "25-34", "35-44", "45-64", "65+"]

    static func ages(platform: SyntheticPlatform, categories: [CreatorCategory], random: inout SplitMix64) -> ShareTable {
        let base: Double = switch platform {
        case .tiktok: 1.25
        case .instagram: 1.7
        case .youtube: 1.8
        case .twitch: 1.3
        case .x: 2.1
        case .facebook: 2.7
        case .kuaishou: 2.0
        case .douyin: 1.7
        case .xiaohongshu: 1.55
        case .bilibili: 1.2
        case .other: 1.8
        }
        let shift = categories.reduce(0) { $0 + $1.audienceAgeShift } / Double(categories.count)
        let center = base + shift + 0.35 * random.clippedNormal(limit: 2)
        let weights = ageBuckets.enumerated().map { position, bucket in
            (bucket, exp(-pow(Double(position) - center, 2) / (2 * 0.85 * 0.85)))
        }
        return ShareTable(weights: weights)
    }

    static func interests(_ categories: [CreatorCategory], random: inout SplitMix64) -> ShareTable {
        var weights: [(String, Double)] = [(categories[0].slug, random.uniform(0.25...0.45))]
        for category in categories.dropFirst() { weights.append((category.slug, random.uniform(0.06...0.18))) }
        for category in categories[0].related.prefix(3) where !categories.contains(category) {
            weights.append((category.slug, random.uniform(0.02...0.07)))
        }
        let used = weights.reduce(0) { $0 + $1.1 }
        if used > 0.95 {
            weights = weights.map { ($0.0, $0.1 * 0.95 / used) }
        }
        weights.append(("other", max(0.05, 1 - min(used, 0.95))))
        return ShareTable(weights: weights)
    }
}
