/// Decides which conditions of a compiled query are answered set-at-a-time (as one
/// `DocumentSet`, combined a machine word at a time) rather than document-at-a-time (a
/// driver's documents checked one by one), and rewrites the plan accordingly.
///
/// Sets cost about `documentCount / 64` word operations whatever they hold, so they pay when
/// every way of listing the matches would touch more documents than that: broad filters,
/// ranges, audience shares, common words combined with them. A query with a short list
/// somewhere (an id, a rare word or hashtag) stays document-at-a-time, driven by that list.
/// Phrases are always checked per document (positions), so an AND keeps them as checks
/// on the set of its other conditions.
struct SetPlanning: Sendable {
    enum Mode: Sendable {
        /// Sets where they are expected to be cheaper (the default).
        case automatic
        /// Sets wherever possible (tests: both ways must give the same answers).
        case always
        /// Never (tests, and the reference the benchmark compares against).
        case never
    }

    let documentCount: Int
    let mode: Mode

    /// Listing at most this many documents is cheaper than making any set.
    private var shortList: Int { max(64, documentCount / 64) }

    func prepare(_ root: DocumentMatcher) -> DocumentMatcher {
        guard mode != .never else { return root }
        if root.canMakeSet {
            guard mode == .always || root.iterationCost > shortList, let set = root.documentSet() else { return root }
            return SetMatcher(set, replacing: [root])
        }
        guard let and = root as? AndMatcher else { return root }
        let capable = and.parts.filter(\.canMakeSet), others = and.parts.filter { !$0.canMakeSet }
        if mode == .automatic {
            let cheapestListing = and.parts.map(\.iterationCost).min() ?? .max
            guard capable.count > 1, cheapestListing > shortList else { return root }
        }
        guard !capable.isEmpty, let set = AndMatcher(capable).documentSet() else { return root }
        return AndMatcher([SetMatcher(set, replacing: capable)] + others)
    }
}
