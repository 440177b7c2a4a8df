extension ShareTable {
    /// Shares from weights: normalised, rounded to basis points by largest remainder so that
    /// they sum to exactly 10,000, sorted largest first with `other` last. Keys whose share
    /// rounds to zero are dropped (their weight goes to the others).
    init(weights: [(String, Double)]) {
        var merged: [(String, Double)] = []
        for (key, weight) in weights where weight > 0 {
            if let position = merged.firstIndex(where: { $0.0 == key }) {
                merged[position].1 += weight
            } else {
                merged.append((key, weight))
            }
        }
        let total = merged.reduce(0) { $0 + $1.1 }
        guard total > 0 else {
            entries = [("other", 10_000)]
            return
        }
        var rounded = merged.map { (key: $0.0, exact: $0.1 / total * 10_000) }
            .map { (key: $0.key, basisPoints: Int($0.exact), remainder: $0.exact - Double(Int($0.exact))) }
        var missing = 10_000 - rounded.reduce(0) { $0 + $1.basisPoints }
        let order = rounded.indices.sorted { rounded[$0].remainder != rounded[$1].remainder
            ? rounded[$0].remainder > rounded[$1].remainder : $0 < $1 }
        var cursor = 0
        while missing > 0 && !order.isEmpty {
            rounded[order[cursor % order.count]].basisPoints += 1
            missing -= 1
            cursor += 1
        }
        entries = rounded.filter { $0.basisPoints > 0 }
            .sorted { lhs, rhs in
                if (lhs.key == "other") != (rhs.key == "other") { return rhs.key == "other" }
                return lhs.basisPoints != rhs.basisPoints ? lhs.basisPoints > rhs.basisPoints : lhs.key < rhs.key
            }
            .map { ($0.key, $0.basisPoints) }
    }
}
