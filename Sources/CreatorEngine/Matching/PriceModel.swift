/// A creator's price for one post in USD: the stated one (`column.price`), else an estimate,
/// the median price per follower of its peers (same platform and tier) times its followers.
/// Medians come from an even sample of at most ~64k creators with a stated price (like
/// `QualityScore`'s), falling back to the platform, then to all creators.
struct PriceModel: Sendable {
    /// Median USD per follower by `platform code * 256 + tier code`, by platform code, and overall.
    let byGroup: [Int: Double]
    let byPlatform: [Int: Double]
    let overall: Double?

    init(index: CreatorIndex, facets: DocumentFacets) {
        let price = index.column(.price), followers = index.column(.followers)
        let count = index.documentCount
        let stride = max(1, count / 65_536)
        var groups: [Int: [Double]] = [:], platforms: [Int: [Double]] = [:], all: [Double] = []
        for document in Swift.stride(from: 0, to: count, by: stride) {
            let amount = price[document], size = followers[document]
            guard !amount.isNaN, !size.isNaN, size > 0 else { continue }
            let perFollower = amount / size
            let platform = Int(facets.platformOf.buffer[document])
            groups[platform * 256 + Int(facets.tierOf.buffer[document]), default: []].append(perFollower)
            platforms[platform, default: []].append(perFollower)
            all.append(perFollower)
        }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted[sorted.count / 2]
        }
        byGroup = groups.filter { $0.value.count >= 5 }.mapValues(median)
        byPlatform = platforms.filter { $0.value.count >= 5 }.mapValues(median)
        overall = all.isEmpty ? nil : median(all)
    }

    /// The peers' median USD per follower for a creator.
    func peerPricePerFollower(of document: Int, facets: DocumentFacets) -> Double? {
        let platform = Int(facets.platformOf.buffer[document])
        return byGroup[platform * 256 + Int(facets.tierOf.buffer[document])] ?? byPlatform[platform] ?? overall
    }

    /// The stated price, or the estimate (`estimated` true); nil when neither is possible.
    func price(of document: Int, index: CreatorIndex, facets: DocumentFacets) -> (usd: Double, estimated: Bool)? {
        let stated = index.column(.price)[document]
        if !stated.isNaN { return (stated, false) }
        let followers = index.column(.followers)[document]
        guard !followers.isNaN, let rate = peerPricePerFollower(of: document, facets: facets) else { return nil }
        return (rate * followers, true)
    }
}
