/// One condition of a compiled query (a node of the plan), answering for documents.
///
/// Two ways to use a matcher, as Lucene's scorers and tantivy's `DocSet`s do:
/// - `makeIterator()` lists its documents in ascending order, cheaply when the matcher is
///   backed by postings (`iterationCost` says how cheaply);
/// - `matches(_:)` tests one document. Within one pass the calls come with non-decreasing
///   documents, so postings-backed matchers move a cursor forward instead of searching.
///
/// A matcher is used by one query on one thread, for one pass.
class DocumentMatcher {
    /// At most about this many documents match (exact for postings; sampled for predicates).
    let estimate: Int

    init(estimate: Int) {
        self.estimate = estimate
    }

    /// What listing the matches costs, in documents touched (`Int.max`: cannot list them
    /// without a scan of everything, which the caller then does itself).
    var iterationCost: Int { .max }

    /// The matching documents, ascending. Only called when `iterationCost` is finite.
    func makeIterator() -> DocumentIterator { EmptyIterator() }

    /// What one `matches` call costs, relative to a postings or column check (1): an AND
    /// checks cheap conditions first, so costly ones (phrase positions) see fewer documents.
    var checkCost: Int { 1 }

    /// Whether `document` matches (non-decreasing calls within a pass).
    func matches(_ document: UInt32) -> Bool { false }

    /// Told before a pass that `matches` will be asked about the documents `driver` lists
    /// (about its `estimate`) that pass `earlierChecks` first, so that a costly check can
    /// decide how to answer (a phrase finds all its occurrences at once when it would be
    /// asked about many documents, or those among a set's documents at once).
    func expectCandidates(from driver: DocumentMatcher, earlierChecks: ArraySlice<DocumentMatcher>) {}

    /// Whether `documentSet()` can give the matches as a whole set. Every condition can
    /// except phrases, whose positions are checked one document at a time.
    var canMakeSet: Bool { false }

    /// The matches as one set (set-at-a-time execution); `nil` when `canMakeSet` is false.
    /// Independent of `matches` and iterators: it may be called before, after or instead.
    func documentSet() -> DocumentSet? { nil }

    /// Whether the whole set costs far more than testing a few candidates (a `like:` scan of
    /// every vector), so that an AND makes the set of its other conditions first and asks
    /// this one only about those (`documentSet(within:)`).
    var prefersCandidates: Bool { false }

    /// The matches among `candidates`.
    func documentSet(within candidates: DocumentSet) -> DocumentSet? {
        guard var set = documentSet() else { return nil }
        set.formIntersection(candidates)
        return set
    }

    /// One line for `--explain`.
    var label: String { "" }

    /// The matchers this one combines (for `--explain`).
    var children: [DocumentMatcher] { [] }

    /// The matcher's contribution to `document`'s relevance (non-decreasing calls within a
    /// pass); 0 except for scoring leaves.
    func score(_ document: UInt32) -> Double { 0 }

    /// `score` of each of `documents` (ascending, after every document asked before) into
    /// `scores`, for a ranking that scores its matches a batch at a time (`RankingBatch`).
    /// Leaves that score many matches override it with a loop of their own; the values are
    /// exactly `score`'s.
    func scores(of documents: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutableBufferPointer<Double>) {
        for index in documents.indices { scores[index] = score(documents[index]) }
    }

    /// Leaves that add to a document's relevance (free-text terms, phrases, lookalikes),
    /// skipping anything under a negation: a creator is never ranked up for what it lacks.
    var scoringLeaves: [ScoringLeaf] { children.flatMap(\.scoringLeaves) }
}

/// A matcher that contributes to the relevance score of the documents it matches
/// (through `DocumentMatcher.score`).
protocol ScoringLeaf: DocumentMatcher {    /// What the contribution is called in `--explain` (e.g. `text "serum"`).
    var scoreLabel: String { get }
    /// Whether the contribution is relevance of text (`text`) or similarity (`like`).
    var scoreKind: ScoreKind { get }
}

/// The families of score contributions, reported apart in explanations.
public enum ScoreKind: String, Sendable, Hashable {
    case text, similarity, quality
}
