/// Picks the shortlist from scored candidates under the budget and, when diversifying, for
/// estimated unique reach (`docs/matching.md`).
///
/// Without diversification: candidates by score, best first, each taken when its price
/// fits what is left of `budget.total`.
///
/// With diversification (the default), greedy: at each step the next creator is the
/// candidate with the best `score × unreached`, where `unreached` is the share of its
/// audience not in the union of those already chosen (`AudienceUnion`, the estimate
/// `AudienceOverlapSet` uses); a candidate is skipped when its price does not fit what is
/// left of the budget, or when it shares more than `maxPairwiseOverlap` of its audience with a
/// chosen creator, or a chosen creator shares more than that with it (both directions of
/// `OverlapEstimator.share`). A creator without a follower sample has no estimate: its
/// `unreached` is taken as the median of the sampled candidates' at that step (what a creator
/// of the same pool would typically bring), and no pair bound can be checked for it.
///
/// Finally, the greedy list is compared with the plain list of the same length: when the
/// plain list keeps the pairwise bound too and reaches more unique people, it is returned
/// instead. The share already reached is `AudienceUnion`'s estimate kept between the pair
/// bounds (`AudienceUnion.bounded`), as in `AudienceOverlapSet`.
struct ShortlistSelection {
    struct Candidate {
        var document: Int
        var score: Double
        var price: Double
    }

    struct Choice {
        var candidate: Candidate
        /// The share of its audience not reached by those chosen before it (nil: no sample).
        var unreached: Double?
    }

    let index: CreatorIndex
    let count: Int
    let budgetTotal: Double?
    let maxPairwiseOverlap: Double?

    func select(_ candidates: [Candidate]) -> [Choice] {
        let plain = plainList(candidates)
        guard let bound = maxPairwiseOverlap else { return plain }
        let greedy = greedyList(candidates, bound: bound)
        let documentsOf = { (list: [Choice]) in list.map(\.candidate.document) }
        let plainOfSameSize = Array(plain.prefix(greedy.count))
        if plainOfSameSize.count == greedy.count, largestOverlap(documentsOf(plainOfSameSize)) <= bound,
           AudienceOverlapSet.uniqueReach(of: documentsOf(plainOfSameSize), index: index).reach
            > AudienceOverlapSet.uniqueReach(of: documentsOf(greedy), index: index).reach {
            return plainOfSameSize
        }
        return greedy
    }

    /// By score, within the budget; `unreached` filled in the order taken.
    func plainList(_ candidates: [Candidate]) -> [Choice] {
        var spent = 0.0
        var union = AudienceUnion()
        var chosen: [Choice] = []
        for candidate in candidates.sorted(by: Self.better) where chosen.count < count {
            if let total = budgetTotal, spent + candidate.price > total * (1 + 1e-9) { continue }
            spent += candidate.price
            let pairs = chosen.compactMap { index.overlap.share(of: candidate.document, sharedWith: $0.candidate.document) }
            let contained = union.containment(of: candidate.document, in: index.overlap).map { AudienceUnion.bounded($0, pairShares: pairs) }
            chosen.append(Choice(candidate: candidate, unreached: contained.map { 1 - $0 }))
            union.add(candidate.document, in: index.overlap)
        }
        return chosen
    }

    func greedyList(_ candidates: [Candidate], bound: Double) -> [Choice] {
        let overlap = index.overlap
        var remaining = candidates.sorted(by: Self.better)
        var spent = 0.0
        var union = AudienceUnion()
        var chosen: [Choice] = []
        // Per remaining candidate: the largest and the summed share of its audience in each chosen creator.
        var pairShares: [Int: (largest: Double, sum: Double)] = [:]
        while chosen.count < count, !remaining.isEmpty {
            if let total = budgetTotal {
                let left = total * (1 + 1e-9) - spent
                remaining.removeAll { $0.price > left }
            }
            guard !remaining.isEmpty else { break }
            let unreached = remaining.map { candidate in
                union.containment(of: candidate.document, in: overlap).map { estimate in
                    let pairs = pairShares[candidate.document] ?? (0, 0)
                    return 1 - (chosen.isEmpty ? estimate : AudienceUnion.bounded(estimate, largestPairShare: pairs.largest, pairShareSum: pairs.sum))
                }
            }
            let known = unreached.compactMap { $0 }.sorted()
            let typical = known.isEmpty ? 1 : known[known.count / 2]
            var best = 0
            var bestValue = -Double.infinity
            for (position, candidate) in remaining.enumerated() {
                let value = candidate.score * (unreached[position] ?? typical)
                if value > bestValue { bestValue = value; best = position }
            }
            let pick = remaining.remove(at: best)
            chosen.append(Choice(candidate: pick, unreached: unreached[best]))
            spent += pick.price
            union.add(pick.document, in: overlap)
            // The pair bound, both directions, against the one just chosen.
            remaining.removeAll { other in
                let forward = overlap.share(of: other.document, sharedWith: pick.document) ?? 0
                let backward = overlap.share(of: pick.document, sharedWith: other.document) ?? 0
                let previous = pairShares[other.document] ?? (0, 0)
                pairShares[other.document] = (max(previous.largest, forward), previous.sum + forward)
                return max(forward, backward) > bound
            }
        }
        return chosen
    }

    /// The largest share either way between two of the documents (0 with no estimate).
    func largestOverlap(_ documents: [Int]) -> Double {
        var largest = 0.0
        for a in documents {
            for b in documents where a != b { largest = max(largest, index.overlap.share(of: a, sharedWith: b) ?? 0) }
        }
        return largest
    }

    /// Higher score first; ties by document, so results are deterministic.
    static func better(_ a: Candidate, _ b: Candidate) -> Bool {
        a.score != b.score ? a.score > b.score : a.document < b.document
    }
}
