/// How well a creator's audience matches the brief's target customer.
///
/// Per dimension the brief gives (countries, genders, ages, languages, interests), the
/// histogram intersection Σₖ min(targetₖ, creatorₖ) of the two distributions (both sum to
/// 1): the share of the creator's audience that "is" the target, 1 for the same
/// distribution, 0 for disjoint ones. A creator whose distribution is unknown scores
/// `unknownFit` there (below typical: missing data never lifts a creator). The fit is the
/// weighted mean over the dimensions the brief gives: countries 0.30, ages 0.20,
/// languages 0.20, genders 0.15, interests 0.15.
struct AudienceFit {
    static let unknownFit = 0.25
    static let dimensionWeights: [(AudienceDimension, Double)] = [(.countries, 0.30), (.ages, 0.20), (.languages, 0.20),
                                                                  (.genders, 0.15), (.interests, 0.15)]

    /// Per dimension the brief gives: its reader, weight, and target share by the reader's key id.
    private let targets: [(reader: AudienceReader, weight: Double, shares: [Int: Double])]

    init(audience: Brief.TargetAudience, index: CreatorIndex) {
        targets = Self.dimensionWeights.compactMap { dimension, weight in
            let target = audience.target(dimension)
            guard !target.isEmpty else { return nil }
            let reader = index.audience(dimension)
            var shares: [Int: Double] = [:]
            for (key, share) in target { if let id = reader.keyID(of: key) { shares[id] = share } }
            return (reader, weight, shares)
        }
    }

    var applies: Bool { !targets.isEmpty }

    /// The fit in 0…1, and per dimension (name, intersection or nil when unknown).
    func fit(of document: Int) -> (total: Double, dimensions: [(AudienceDimension, Double?)]) {
        var sum = 0.0, weights = 0.0
        var dimensions: [(AudienceDimension, Double?)] = []
        for target in targets {
            var intersection = 0.0, present = false
            target.reader.forEachShare(of: document) { key, share in
                present = true
                if let wanted = target.shares[key] { intersection += min(wanted, share) }
            }
            if !present && target.reader.isPresent(document) { present = true }
            let value = present ? min(1, intersection) : nil
            dimensions.append((target.reader.dimension, value))
            sum += target.weight * (value ?? Self.unknownFit)
            weights += target.weight
        }
        return (weights > 0 ? sum / weights : 0, dimensions)
    }
}
