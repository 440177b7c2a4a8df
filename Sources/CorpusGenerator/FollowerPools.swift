import Foundation

/// Follower ids for `audience.sample`, drawn from shared pools so that audience overlap
/// between creators means something.
///
/// Each (niche, country) pair has a pool: a core of 1,000 engaged followers who follow many
/// creators of the niche, and a tail of 120,000 others. A creator's sample takes most ids
/// from the pool of its main niche and country, some from its second niche's pool and from a
/// neighbouring country's, and the rest from the whole world (ids no one else has). So two
/// creators in the same niche and country overlap (more the larger their samples), creators
/// in different niches or countries mostly do not, and audience twins (pairs drawing from
/// one shared, ordered slice of a pool) overlap almost entirely. Bought and low-credibility
/// audiences are mostly world-wide "bot" ids.
///
/// Ids are 32-bit permutations (keyed by the seed) of (pool, member), plus an offset: 9–10
/// digit numbers that look random and never collide across pools.
enum FollowerPools {
    static let coreSize = 1_000
    static let tailSize = 120_000
    static let twinSliceSize = 2_400
    /// Pools 3,000 and up hold world-wide ids (`pool << 20 | member` stays below 2^32).
    static let worldPoolBase = 3_000
    static let memberBits = 20

    static func poolNumber(category: CreatorCategory, country: Country) -> Int {
        category.rawValue * 64 + country.index
    }

    static func id(pool: Int, member: Int, key: UInt64) -> UInt64 {
        100_000_000 + IDPermutation.permute(UInt64(pool) << UInt64(memberBits) | UInt64(member), key: key, bits: 32)
    }

    /// The sample size: 100 for small creators, up to 2,000 for the largest.
    static func sampleSize(followers: Int64, random: inout SplitMix64) -> Int {
        let scale = min(1, max(0, (log10(Double(max(followers, 1))) - 3) / 4.5))
        let size = (100 + 1_900 * pow(scale, 1.5)) * random.uniform(0.75...1.1)
        return min(2_000, max(100, Int(size)))
    }

    struct Request {
        var size: Int
        var primary: Int
        var secondary: Int
        var neighbour: Int?
        /// Share of world-wide ids (bots, far-away followers).
        var worldShare: Double
        /// Twin pair number, when the creator shares a slice with its twin.
        var twinPair: Int?
    }

    static func sample(_ request: Request, seed: UInt64, random: inout SplitMix64) -> [UInt64] {
        let key = SplitMix64.finalise(seed ^ 0x5A4D_504C_4F4F_4C53)
        var ids: [UInt64] = []
        ids.reserveCapacity(request.size)
        var seen = Set<UInt64>(minimumCapacity: request.size * 2)
        func add(_ id: UInt64) {
            if seen.insert(id).inserted { ids.append(id) }
        }
        if let pair = request.twinPair {
            // The slice's order is shared by both twins: each takes its first n members.
            var sliceRandom = SplitMix64(seed: seed, index: UInt64(pair) | 1 << 62, stream: .twins)
            let start = sliceRandom.below(tailSize - twinSliceSize)
            let twinCount = Int(Double(request.size) * 0.85)
            var member = 0
            while ids.count < twinCount && member < twinSliceSize {
                let position = (member &* 7_919 &+ pair) % twinSliceSize
                add(id(pool: request.primary, member: coreSize + start + position, key: key))
                member += 1
            }
        }
        let world = Int(Double(request.size) * request.worldShare)
        let remaining = request.size - ids.count
        let fromNeighbour = request.neighbour == nil ? 0 : Int(Double(remaining - world) * 0.12)
        let fromSecondary = Int(Double(remaining - world) * 0.18)
        let fromPrimary = max(0, remaining - world - fromNeighbour - fromSecondary)

        func drawPool(_ pool: Int, count: Int, coreShare: Double) {
            let target = ids.count + count
            var attempts = 0
            while ids.count < target && attempts < count * 4 {
                attempts += 1
                let member = random.chance(coreShare) ? random.below(coreSize) : coreSize + random.below(tailSize)
                add(id(pool: pool, member: member, key: key))
            }
        }
        drawPool(request.primary, count: fromPrimary, coreShare: 0.6)
        drawPool(request.secondary, count: fromSecondary, coreShare: 0.5)
        if let neighbour = request.neighbour { drawPool(neighbour, count: fromNeighbour, coreShare: 0.4) }
        while ids.count < request.size {
            let pool = worldPoolBase + random.below(1_000)
            add(id(pool: pool, member: random.below(1 << memberBits), key: key))
        }
        return ids
    }
}
