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
/// `unreached` is taken as the mean of the sampled creators' chosen so far (1 before any),
/// and no pair bound can be checked for it.
///
/// When the plain list (by score alone) breaks the bound, it is also repaired: its creators
/// taken in order while they keep the bound, the rest filled greedily; the repaired list is
/// kept when it reaches more unique people than the greedy one. Finally, the plain list of
/// the same length is returned instead when it keeps the bound and reaches more people. The share already reached is `AudienceUnion`'s estimate kept between the pair
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
        let documentsOf = { (list: [Choice]) in list.map(\.candidate.document) }
        let reachOf = { (list: [Choice]) in AudienceOverlapSet.uniqueReach(of: documentsOf(list), index: index).reach }
        var pick = greedyList(candidates, bound: bound)
        if breaksBound(documentsOf(plain), bound: bound) {
            // The plain list repaired: its creators in order while they keep the bound, then greedy.
            let repaired = greedyList(candidates, bound: bound, seed: documentsOf(plain))
            if repaired.count >= pick.count, reachOf(repaired) > reachOf(pick) { pick = repaired }
        }
        let plainOfSameSize = Array(plain.prefix(pick.count))
        if plainOfSameSize.count == pick.count, !breaksBound(documentsOf(plainOfSameSize), bound: bound),
           reachOf(plainOfSameSize) > reachOf(pick) {
            return plainOfSameSize
        }
        return pick
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

    /// The greedy list. Candidates are visited by score, best first, and the visit of a step
    /// stops at the first candidate whose score is not above the best value found (a value is
    /// at most the score), so a step usually looks at a few candidates. Pair bounds are checked
    /// lazily, against the creators chosen since the candidate was last looked at.
    func greedyList(_ candidates: [Candidate], bound: Double, seed: [Int] = []) -> [Choice] {
        let overlap = index.overlap
        let ordered = candidates.sorted(by: Self.better)
        let positionOf = seed.isEmpty ? [:] : Dictionary(ordered.enumerated().map { ($1.document, $0) }, uniquingKeysWith: { first, _ in first })
        var seeds = seed[...]
        var alive = [Bool](repeating: true, count: ordered.count)
        // Per candidate: how many chosen creators it has been checked against, and the
        // largest and summed share of its audience in them.
        var checked = [Int](repeating: 0, count: ordered.count)
        var largest = [Double](repeating: 0, count: ordered.count), summed = [Double](repeating: 0, count: ordered.count)
        var spent = 0.0
        var union = AudienceUnion()
        var chosen: [Choice] = []
        var knownUnreached: [Double] = []
        while chosen.count < count {
            let left = budgetTotal.map { $0 * (1 + 1e-9) - spent }
            let typical = knownUnreached.isEmpty ? 1 : knownUnreached.reduce(0, +) / Double(knownUnreached.count)
            // Whether the candidate at `position` can still be listed (price, pair bound),
            // and if so the share of its audience not yet reached.
            func admissible(_ position: Int) -> (ok: Bool, unreached: Double?) {
                let candidate = ordered[position]
                if let left, candidate.price > left { return (false, nil) }
                while checked[position] < chosen.count {
                    let other = chosen[checked[position]].candidate.document
                    checked[position] += 1
                    let forward = overlap.share(of: candidate.document, sharedWith: other) ?? 0
                    let backward = overlap.share(of: other, sharedWith: candidate.document) ?? 0
                    largest[position] = max(largest[position], forward)
                    summed[position] += forward
                    if max(forward, backward) > bound { return (false, nil) }
                }
                let unreached = union.containment(of: candidate.document, in: overlap).map { estimate in
                    1 - (chosen.isEmpty ? estimate : AudienceUnion.bounded(estimate, largestPairShare: largest[position], pairShareSum: summed[position]))
                }
                return (true, unreached)
            }
            var best: (position: Int, value: Double, unreached: Double?)?
            while best == nil, let document = seeds.popFirst() {
                guard let position = positionOf[document], alive[position] else { continue }
                let verdict = admissible(position)
                if verdict.ok { best = (position, 0, verdict.unreached) } else { alive[position] = false }
            }
            if best == nil {
                for position in ordered.indices where alive[position] {
                    if let best, ordered[position].score <= best.value { break }
                    let verdict = admissible(position)
                    guard verdict.ok else { alive[position] = false; continue }
                    let value = ordered[position].score * (verdict.unreached ?? typical)
                    if value > (best?.value ?? -.infinity) { best = (position, value, verdict.unreached) }
                }
            }
            guard let pick = best else { break }
            alive[pick.position] = false
            let candidate = ordered[pick.position]
            chosen.append(Choice(candidate: candidate, unreached: pick.unreached))
            if let unreached = pick.unreached { knownUnreached.append(unreached) }
            spent += candidate.price
            union.add(candidate.document, in: overlap)
        }
        return chosen
    }

    /// Whether two of the documents share more than `bound` either way (stops at the first pair).
    func breaksBound(_ documents: [Int], bound: Double) -> Bool {
        for (position, a) in documents.enumerated() {
            for b in documents[(position + 1)...] {
                if (index.overlap.share(of: a, sharedWith: b) ?? 0) > bound || (index.overlap.share(of: b, sharedWith: a) ?? 0) > bound {
                    return true
                }
            }
        }
        return false
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
