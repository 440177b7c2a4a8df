/// A phrase that has found all its occurrences at once, listing them, with its own words
/// (`SetPlanning`): an AND of a phrase and its words whose words are common enough for a set
/// would otherwise intersect the words' postings as a set first, only to check each of its
/// documents against the phrase's record. Every document of the record holds every word
/// of the phrase in a field of the phrase, so the words need no check of their own; they
/// stay its children for `--explain`.
final class PhraseOccurrencesMatcher: DocumentMatcher {
    private let phrase: PhraseMatcher
    private let words: [DocumentMatcher]

    /// `phrase` must have a complete record (`PhraseMatcher.findAllOccurrences()`).
    init(_ phrase: PhraseMatcher, words: [DocumentMatcher]) {
        self.phrase = phrase
        self.words = words
        super.init(estimate: phrase.iterationCost)
    }

    override var iterationCost: Int { phrase.iterationCost }
    override func makeIterator() -> DocumentIterator { phrase.makeIterator() }
    override func matches(_ document: UInt32) -> Bool { phrase.matches(document) }

    override var label: String {
        "PHRASE  (\(estimate) docs, every occurrence found at once; each holds the words below)"
    }
    override var children: [DocumentMatcher] { words + [phrase] }
}
