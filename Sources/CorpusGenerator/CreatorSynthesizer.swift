import Foundation

/// Makes creator `index` of a corpus: a function of `(options.seed, index)` only (plus the
/// options that shape content: posts per creator, fraud and twin rates, reference date).
///
/// Synthesis order: fraud plan → core (language, country, platform, niche) → identity →
/// followers → engagement → posts (averages are the posts' means) → history → audience →
/// commercial record → which optional fields the provider knows. Each step draws from its
/// own `RandomStream`.
struct CreatorSynthesizer: Sendable {
    let options: GeneratorOptions
    let catalog: LanguageCatalog
    let idKey: UInt64

    init(options: GeneratorOptions, catalog: LanguageCatalog = .shared) {
        self.options = options
        self.catalog = catalog
        idKey = SplitMix64.finalise(options.seed ^ 0x1D_5EED)
    }

    /// Index space of the bases of malformed lines: never a creator's index.
    static let malformedIndexBase = 1 << 39

    func creator(at index: Int) -> CreatorRecord {
        make(index: index, plan: FraudPlan(index: index, options: options))
    }

    /// A clean profile to break for malformed line `number` (its id is no creator's id).
    func malformedBase(_ number: Int) -> CreatorRecord {
        make(index: CreatorSynthesizer.malformedIndexBase + number, plan: FraudPlan(kinds: []))
    }

    private func make(index: Int, plan: FraudPlan) -> CreatorRecord {
        let seed = options.seed
        let key = UInt64(index)
        let core = CreatorCore(index: index, options: options, catalog: catalog)
        var identityRandom = SplitMix64(seed: seed, index: key, stream: .identity)
        let identity = CreatorIdentity(idNumber: IDPermutation.permute(key, key: idKey), core: core,
                                       random: &identityRandom)
        let city = identityRandom.pick(core.country.cities)
        let brandSources = catalog.brands(for: identity.categories[0], pack: core.pack)
        let composer = TextComposer(
            pack: core.pack, english: catalog.english, categories: identity.categories, given: identity.given,
            family: identity.family, city: Array(city.utf8),
            email: email(handle: identity.handleText, pack: core.pack, random: &identityRandom),
            localBrands: brandSources.local, globalBrands: brandSources.global, isFemale: identity.isFemale)

        // Followers and time.
        var stats = SplitMix64(seed: seed, index: key, stream: .statistics)
        let organic = FollowerModel.organicFollowers(core: core, plan: plan, random: &stats)
        let jump = FollowerModel.boughtFactor(plan: plan, random: &stats)
        let followers = Int64((organic * jump * (jump > 1 ? stats.uniform(1.0...1.03) : 1)).rounded())
        var extras = SplitMix64(seed: seed, index: key, stream: .extras)
        let updatedAt = updatedMoment(core: core, plan: plan, random: &extras)
        let writesTimestamps = extras.chance(0.3)

        // Engagement and posts.
        let targets = EngagementTargets.draw(platform: core.platform, organicFollowers: organic, plan: plan, random: &stats)
        var postRandom = SplitMix64(seed: seed, index: key, stream: .posts)
        let hashtags = composer.hashtagSet(&postRandom)
        let reportsViews = core.platform.isViewDriven ? extras.chance(0.95) : extras.chance(viewReportShare(core.platform))
        let reportsShares = extras.chance(core.platform.isViewDriven ? 0.7 : 0.3)
        let reportsSponsored = extras.chance(0.85)
        let posts = makePosts(targets: targets, composer: composer, hashtags: hashtags, updatedAt: updatedAt,
                              platform: core.platform, views: reportsViews, shares: reportsShares,
                              sponsoredFlags: reportsSponsored, random: &postRandom)
        let averages = Self.averages(of: posts, targets: targets, views: reportsViews, shares: reportsShares,
                                     places: extras.chance(0.4) ? 1 : 0)

        var record = CreatorRecord(
            index: index, id: identity.id, platform: core.platform, handle: identity.handle, followers: followers,
            updatedAt: updatedAt, writesTimestamps: writesTimestamps, fraud: plan.kinds, twinOf: core.twin)

        // What the provider knows.
        if extras.chance(0.95) {
            let template = identityRandom.pick(core.pack.displayNames)
            record.name = composer.expanded(template, random: &identityRandom)
        }
        if extras.chance(0.9) { record.bio = bio(composer: composer, random: &identityRandom) }
        if extras.chance(0.93) || plan.has(.audienceMismatch) { record.country = core.country.code }
        if extras.chance(0.35) { record.city = composer.city }
        if extras.chance(0.85) { record.languages = languages(core: core, random: &identityRandom) }
        if extras.chance(0.93) { record.categories = identity.categories.map(\.slug) + identity.freeTags }
        if extras.chance(0.8) {
            let withHash = extras.chance(0.6)
            record.hashtags = hashtags.map { withHash ? [UInt8(ascii: "#")] + $0 : $0 }
        }
        if options.postsPerCreator > 0 && extras.chance(0.88) { record.posts = posts }
        record.following = FollowerModel.following(followers: followers, platform: core.platform, plan: plan, random: &stats)
        if extras.chance(0.85) { record.postsCount = postsCount(followers: followers, platform: core.platform, minimum: posts.count, random: &stats) }
        if extras.chance(0.9) { record.averages = averages }
        if let written = record.averages, extras.chance(0.55) {
            record.engagementRate = providedRate(written, followers: followers, platform: core.platform)
        }

        var historyRandom = SplitMix64(seed: seed, index: key, stream: .history)
        if plan.has(.boughtFollowers) || historyRandom.chance(0.82) {
            record.history = FollowerModel.history(followers: followers, end: updatedAt.day, jump: jump, random: &historyRandom)
        }

        var audienceRandom = SplitMix64(seed: seed, index: key, stream: .audience)
        var sampleRandom = SplitMix64(seed: seed, index: key, stream: .sample)
        record.audience = AudienceModel.make(
            AudienceModel.Inputs(core: core, categories: identity.categories, plan: plan, followers: followers, seed: seed,
                                 maxSampleSize: options.maxSampleSize),
            random: &audienceRandom, sampleRandom: &sampleRandom)

        var commercial = SplitMix64(seed: seed, index: key, stream: .commercial)
        let peer = core.platform.engagement.peerRate(followers: organic)
        let actualRate = core.platform.isViewDriven
            ? (targets.likes + targets.comments + targets.shares) / max(targets.views, 1)
            : (targets.likes + targets.comments) / max(Double(followers), 1)
        record.price = CommercialModel.price(core: core, followers: followers, engagementQuality: actualRate / peer,
                                             random: &commercial)
        let brandCandidates = (0..<6).map { _ in composer.brand(&commercial).name }
        record.collaborations = CommercialModel.collaborations(followers: followers, plan: plan, brands: brandCandidates,
                                                               random: &commercial)
        record.commerce = CommercialModel.commerce(core: core, categories: identity.categories,
                                                   averageViews: averages.views ?? targets.views, plan: plan,
                                                   random: &commercial)
        if plan.has(.blacklisted) {
            record.blacklisted = CommercialModel.blacklisting(core: core, updatedAt: updatedAt.day, random: &commercial)
        }
        if commercial.chance(0.7) { record.contactAvailable = commercial.chance(0.6) }
        if extras.chance(0.12) { record.extraFields = extraFields(record: record, random: &extras) }
        return record
    }

    // MARK: Pieces

    private func updatedMoment(core: CreatorCore, plan: FraudPlan, random: inout SplitMix64) -> Moment {
        let age: Int
        if plan.has(.staleData) {
            age = random.integer(400...1_000)
        } else {
            let roll = random.unit()
            age = roll < 0.75 ? random.integer(0...30) : roll < 0.92 ? random.integer(31...180) : random.integer(181...300)
        }
        let offset = random.chance(0.5) ? core.country.utcOffsetMinutes : 0
        return Moment(day: options.referenceDate - age, secondOfDay: random.below(86_400), offsetMinutes: offset)
    }

    private func viewReportShare(_ platform: SyntheticPlatform) -> Double {
        switch platform {
        case .instagram: 0.5
        case .xiaohongshu: 0.4
        default: 0.3
        }
    }

    private func email(handle: String, pack: CompiledLanguagePack, random: inout SplitMix64) -> [UInt8] {
        let compact = handle.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "_", with: "")
        let domain = random.pick(pack.emailDomains)
        let address = switch random.below(5) {
        case 0: "collab." + compact + "@" + domain
        case 1: handle + ".business@" + domain
        case 2: "hello@" + compact + ".com"
        case 3: compact + "@" + random.pick(["talentbook.io", "creatorhouse.co", "starmgmt.com"])
        default: handle + "@" + domain
        }
        return Array(address.utf8)
    }

    private func bio(composer: TextComposer, random: inout SplitMix64) -> [UInt8] {
        let pack = composer.pack
        if pack.index != catalog.english.index && random.chance(0.08) {
            return composer.expanded(random.pick(catalog.english.bios), random: &random)
        }
        var text = composer.expanded(random.pick(pack.bios), random: &random)
        if random.chance(0.15) {
            // A second line, as bios often have.
            text.append(contentsOf: Array(" | ".utf8))
            composer.expand(random.pick(pack.bios), into: &text, random: &random)
        }
        return text
    }

    private func languages(core: CreatorCore, random: inout SplitMix64) -> [String] {
        var tag = core.pack.code
        if random.chance(0.08) {
            switch core.pack.variant {
            case "zh-Hant": tag = random.pick(["zh-Hant", "zh-TW", "zh-HK"])
            case "zh-Hans": tag = random.pick(["zh-Hans", "zh-CN"])
            case "pt": tag = core.country.code == "BR" ? "pt-BR" : "pt-PT"
            case "es": tag = "es-" + core.country.code
            case "en": tag = "en-" + core.country.code
            default: break
            }
        }
        var list = [tag]
        if core.pack.code != "en" && random.chance(0.3) { list.append("en") }
        for (language, share) in core.country.languages where language != core.pack.code && share >= 0.2 {
            if random.chance(0.3) && !list.contains(language) { list.append(language) }
        }
        return list
    }

    private func makePosts(targets: EngagementTargets, composer: TextComposer, hashtags: [[UInt8]], updatedAt: Moment,
                           platform: SyntheticPlatform, views: Bool, shares: Bool, sponsoredFlags: Bool,
                           random: inout SplitMix64) -> [PostRecord] {
        var count = options.postsPerCreator
        if count > 1 && random.chance(0.08) { count = random.integer(1...(count - 1)) }
        var posts: [PostRecord] = []
        posts.reserveCapacity(count)
        let sponsoredShare = random.chance(0.4) ? random.uniform(0.05...0.3) : 0
        var day = updatedAt.day - random.integer(0...3)
        // Posts vary a lot (a viral one, a flop), but their mean is the creator's typical post:
        // performance factors are scaled to average exactly 1, so the averages reflect the
        // creator's engagement and not the luck of a few draws.
        let sponsoredPosts = (0..<count).map { _ in random.chance(sponsoredShare) }
        var performances = sponsoredPosts.map { exp(0.7 * random.clippedNormal(limit: 3)) * ($0 ? 0.75 : 1) }
        let meanPerformance = performances.reduce(0, +) / Double(max(1, count))
        performances = performances.map { $0 / meanPerformance }
        for position in 0..<count {
            let sponsored = sponsoredPosts[position]
            let performance = performances[position]
            let postLikes = targets.likes * performance * exp(0.15 * random.clippedNormal(limit: 2))
            let postComments = targets.comments * performance * exp(0.35 * random.clippedNormal(limit: 2))
            let postShares = targets.shares * performance * exp(0.4 * random.clippedNormal(limit: 2))
            let postViews = max(targets.views * performance, postLikes + postComments + postShares)
            let caption: [UInt8]? = random.chance(0.98)
                ? composer.caption(hashtags: hashtags, sponsored: sponsored, random: &random) : nil
            posts.append(PostRecord(
                caption: caption,
                postedAt: Moment(day: day, secondOfDay: random.below(86_400), offsetMinutes: updatedAt.offsetMinutes),
                likes: Int64(postLikes.rounded()), comments: Int64(postComments.rounded()),
                views: views ? Int64(postViews.rounded()) : nil, shares: shares ? Int64(postShares.rounded()) : nil,
                sponsored: sponsoredFlags ? sponsored : nil))
            let gap = -platform.daysBetweenPosts * log(max(random.unit(), 1e-9))
            day = day - max(0, Int(gap.rounded()))
        }
        return posts
    }

    /// The averages over the posts (or the targets when there are none), rounded as written.
    static func averages(of posts: [PostRecord], targets: EngagementTargets, views: Bool, shares: Bool,
                         places: Int) -> Averages {
        func rounded(_ value: Double) -> Double {
            let scale = places == 0 ? 1.0 : 10.0
            return (value * scale).rounded() / scale
        }
        guard !posts.isEmpty else {
            return Averages(likes: rounded(targets.likes), comments: rounded(targets.comments),
                            views: views ? rounded(targets.views) : nil, shares: shares ? rounded(targets.shares) : nil,
                            places: places)
        }
        let count = Double(posts.count)
        let likes = posts.reduce(0.0) { $0 + Double($1.likes) } / count
        let comments = posts.reduce(0.0) { $0 + Double($1.comments) } / count
        let postViews = posts.reduce(0.0) { $0 + Double($1.views ?? Int64((targets.views).rounded())) } / count
        let postShares = posts.reduce(0.0) { $0 + Double($1.shares ?? Int64((targets.shares).rounded())) } / count
        return Averages(likes: rounded(likes), comments: rounded(comments), views: views ? rounded(postViews) : nil,
                        shares: shares ? rounded(postShares) : nil, places: places)
    }

    /// The rate a provider computes by the format's rule from the written averages.
    private func providedRate(_ averages: Averages, followers: Int64, platform: SyntheticPlatform) -> Double? {
        if platform.isViewDriven {
            guard let views = averages.views, views > 0 else { return nil }
            let rate = (averages.likes + averages.comments + (averages.shares ?? 0)) / views
            return rate <= 1 ? rate : nil
        }
        guard platform != .other, followers > 0 else { return nil }
        let rate = (averages.likes + averages.comments) / Double(followers)
        return rate <= 1 ? rate : nil
    }

    private func postsCount(followers: Int64, platform: SyntheticPlatform, minimum: Int, random: inout SplitMix64) -> Int64 {
        let ageDays = 200 + 700 * max(0, log10(Double(max(followers, 100))) - 2) * random.uniform(0.5...1.5)
        return Int64(max(Double(minimum), ageDays / platform.daysBetweenPosts * random.uniform(0.6...1.3)).rounded())
    }

    private func extraFields(record: CreatorRecord, random: inout SplitMix64) -> [ExtraField] {
        let handle = String(decoding: record.handle, as: UTF8.self)
        var candidates: [ExtraField] = [
            ExtraField(key: "verified", json: Array((random.chance(0.2) ? "true" : "false").utf8)),
            ExtraField(key: "is_business_account", json: Array((random.chance(0.5) ? "true" : "false").utf8)),
            ExtraField(key: "data_source", json: Array(("\"" + random.pick(["api", "scrape", "crm", "partner-feed"]) + "\"").utf8)),
            ExtraField(key: "internal_notes", json: Array("null".utf8)),
            ExtraField(key: "tags", json: Array(random.pick(["[\"vip\"]", "[\"shortlist\",\"q4\"]", "[]"]).utf8)),
        ]
        switch record.platform {
        case .tiktok: candidates.append(ExtraField(key: "profile_url", json: Array("\"https://www.tiktok.com/@\(handle)\"".utf8)))
        case .instagram: candidates.append(ExtraField(key: "profile_url", json: Array("\"https://www.instagram.com/\(handle)/\"".utf8)))
        case .youtube:
            candidates.append(ExtraField(key: "avg_watch_time_s", json: Array(String(random.integer(20...900)).utf8)))
        default: break
        }
        let first = random.below(candidates.count)
        var fields = [candidates[first]]
        if random.chance(0.4) {
            let second = random.below(candidates.count)
            if second != first { fields.append(candidates[second]) }
        }
        return fields
    }
}

extension FraudPlan {
    /// A plan with given kinds (clean when empty).
    init(kinds: [FraudKind]) {
        self.kinds = kinds
    }
}

extension CreatorSynthesizer {
    /// Creator `index`'s id without the rest of its profile (for labels that name a twin).
    func id(of index: Int) -> [UInt8] {
        let core = CreatorCore(index: index, options: options, catalog: catalog)
        var random = SplitMix64(seed: options.seed, index: UInt64(index), stream: .identity)
        return CreatorIdentity(idNumber: IDPermutation.permute(UInt64(index), key: idKey), core: core,
                               random: &random).id
    }
}
