import Foundation

/// The attributes that place a creator in the world: language, country, platform, main niche
/// and follower scale. Drawn from the `core` stream of the creator's index, or, for the two
/// members of an audience-twin pair, of the pair's first index, so that twins share them
/// (and hence their follower pool).
struct CreatorCore: Sendable {
    let pack: CompiledLanguagePack
    let country: Country
    let platform: SyntheticPlatform
    let primaryCategory: CreatorCategory
    /// log10 of the organic follower count before the creator's own variation.
    let baseLogFollowers: Double
    /// The other member of the twin pair, if this creator is an audience twin.
    let twin: Int?
    /// Identifies the twin pair's shared slice of the follower pool.
    let twinPair: Int?

    init(index: Int, options: GeneratorOptions, catalog: LanguageCatalog) {
        let pair = index / 2
        var pairRandom = SplitMix64(seed: options.seed, index: UInt64(pair), stream: .twins)
        let partner = index % 2 == 0 ? index + 1 : index - 1
        let isTwin = partner < options.count && pairRandom.chance(options.twinRate)
        twin = isTwin ? partner : nil
        twinPair = isTwin ? pair : nil

        var random = SplitMix64(seed: options.seed, index: UInt64(isTwin ? pair * 2 : index), stream: .core)
        pack = catalog.packs[catalog.choice.pick(&random)]
        country = CountryCatalog.country(pack.countries.pick(&random))
        platform = SyntheticPlatform.weights(for: country.market).pick(&random)
        primaryCategory = pack.categories.pick(&random)
        baseLogFollowers = CreatorCore.drawLogFollowers(&random) + platform.followerScaleShift
    }

    /// A heavy-tailed follower scale: log-normal body (most creators nano and micro) with
    /// an exponential tail above 100k for the few macro and mega creators.
    static func drawLogFollowers(_ random: inout SplitMix64) -> Double {
        if random.chance(0.045) {
            return 5 + min(3.0, -0.47 * log(max(random.unit(), 1e-12)))
        }
        return 3.75 + 0.72 * random.clippedNormal(limit: 3.2)
    }
}
