/// Decides which conditions of a compiled query are answered set-at-a-time (as one
/// `DocumentSet`, combined a machine word at a time) rather than document-at-a-time (a
/// driver's documents checked one by one), and rewrites the plan accordingly.
///
/// Sets cost about `documentCount / 64` word operations whatever they hold, so they pay when
/// every way of listing the matches would touch more documents than that: broad filters,
/// ranges, audience shares, common words combined with them. A query with a short list
/// somewhere (an id, a rare word or hashtag) stays document-at-a-time, driven by that list.
/// Phrases are always checked per document (positions), so an AND keeps them as checks
/// on the set of its other conditions. A phrase's own words are among those conditions,
/// but a very common one is left out of the set when setting a bit for each of its
/// postings would cost more than the phrase checks it could save (`leavesToPhrase`): the
/// phrase requires the word at its place anyway, so the matches are the same. When one
/// phrase's words are all a set would hold, no set is made: the phrase finds all its
/// occurrences at once and lists them (`PhraseOccurrencesMatcher`).
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
        guard !capable.isEmpty else { return root }
        // The phrase's words last, rarest first; the rarest stays in when nothing else would.
        let phraseWords = others.contains { $0 is PhraseMatcher }
            ? capable.compactMap { $0 as? TermMatcher }.filter(\.isPhraseWord).sorted { $0.estimate < $1.estimate } : []
        var inSet = capable.filter { part in !phraseWords.contains { $0 === part } }
        // Nothing but one phrase's words for a set: the phrase's occurrences, all found at
        // once, are the matches, and a set of its words would only list them again.
        let phrases = others.compactMap { $0 as? PhraseMatcher }
        if mode == .automatic, inSet.isEmpty, phrases.count == 1, phrases[0].findAllOccurrences() {
            let occurrences = PhraseOccurrencesMatcher(phrases[0], words: phraseWords)
            let rest = others.filter { $0 !== phrases[0] }
            return rest.isEmpty ? occurrences : AndMatcher([occurrences] + rest)
        }
        var pending = phraseWords[...]
        if inSet.isEmpty, let rarest = pending.popFirst() { inSet.append(rarest) }
        guard var set = AndMatcher(inSet).documentSet() else { return root }
        var leftToPhrase: [DocumentMatcher] = []
        for word in pending {
            if Self.leavesToPhrase(postings: word.estimate, candidates: set.count, documentCount: documentCount) {
                leftToPhrase.append(LeftToPhrase(word))
            } else {
                guard let wordSet = word.documentSet() else { return root }
                set.formIntersection(wordSet)
                inSet.append(word)
            }
        }
        return AndMatcher([SetMatcher(set, replacing: inSet + leftToPhrase)] + others)
    }

    /// Whether a phrase's word with `postings` documents should stay out of a set of
    /// `candidates`: adding it sets a bit per posting (about 1.5 ns each; its postings are
    /// decoded for the phrase's cursors either way), while each candidate it would remove
    /// (the share of documents without it, taken as independent of the set) saves a phrase
    /// check (about 100 ns, `PhraseMatcher`). On the 1M corpus, `"Trying music for"` leaves
    /// `for` (416,581 documents) out of a set of 7,344, which it would not have narrowed.
    static func leavesToPhrase(postings: Int, candidates: Int, documentCount: Int) -> Bool {
        guard documentCount > 0 else { return false }
        let saved = Double(candidates) * max(0, 1 - Double(postings) / Double(documentCount)) * 100
        return Double(postings) * 1.5 > saved
    }
}

/// A phrase's word that a set left out (`SetPlanning.leavesToPhrase`): shown in the plan
/// under the set, never asked, since the phrase's check requires the word.
private final class LeftToPhrase: DocumentMatcher {
    private let word: TermMatcher

    init(_ word: TermMatcher) {
        self.word = word
        super.init(estimate: word.estimate)
    }

    override var label: String { word.label + "  — left to the phrase's positions: cheaper than adding it to the set" }
}
