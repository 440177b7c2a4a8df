/// Which fraud kinds a creator carries, decided from its own `fraud` stream before anything
/// else is drawn, so the rest of synthesis can build each pattern consistently (a bought
/// jump in the history *and* engagement that did not follow it).
struct FraudPlan: Sendable {
    let kinds: [FraudKind]

    static let kindTable = WeightedTable(FraudKind.allCases.map { ($0, $0.weight) })

    init(index: Int, options: GeneratorOptions) {
        var random = SplitMix64(seed: options.seed, index: UInt64(index), stream: .fraud)
        guard random.chance(options.fraudRate) else {
            kinds = []
            return
        }
        var chosen = [FraudPlan.kindTable.pick(&random)]
        let extra = random.chance(0.25) ? (random.chance(0.25) ? 2 : 1) : 0
        var attempts = 0
        while chosen.count < 1 + extra && attempts < 20 {
            attempts += 1
            let candidate = FraudPlan.kindTable.pick(&random)
            if !chosen.contains(candidate) && !chosen.contains(where: { $0.conflicts(with: candidate) }) {
                chosen.append(candidate)
            }
        }
        kinds = chosen.sorted()
    }

    func has(_ kind: FraudKind) -> Bool { kinds.contains(kind) }
}
