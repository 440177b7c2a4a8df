/// Conditions answered set-at-a-time (`SetPlanning`): their matches computed once as a
/// `DocumentSet`, then listed by walking its bits and checked by one bit test. The
/// conditions it replaced stay its children, for `--explain` and for scoring.
final class SetMatcher: DocumentMatcher {
    let set: DocumentSet
    let count: Int
    private let replaced: [DocumentMatcher]

    init(_ set: DocumentSet, replacing replaced: [DocumentMatcher]) {
        self.set = set
        count = set.count
        self.replaced = replaced
        super.init(estimate: count)
    }

    /// Listing reads every word of the set once, and then each match.
    override var iterationCost: Int { count + set.documentCount / 64 }
    override func makeIterator() -> DocumentIterator { SetIterator(set) }
    override func matches(_ document: UInt32) -> Bool { set.contains(document) }
    override var canMakeSet: Bool { true }
    override func documentSet() -> DocumentSet? { set }

    override var label: String { "SET  (\(count) docs, the conditions below computed as one set)" }
    override var children: [DocumentMatcher] { replaced }
}

/// The documents of a set, ascending.
final class SetIterator: DocumentIterator {
    private let set: DocumentSet
    @exclusivity(unchecked) private var wordIndex = 0
    @exclusivity(unchecked) private var word: UInt64

    init(_ set: DocumentSet) {
        self.set = set
        word = set.words.first ?? 0
    }

    override func next() -> UInt32? {
        let words = set.words
        while word == 0 {
            wordIndex += 1
            guard wordIndex < words.count else { return nil }
            word = words[wordIndex]
        }
        let document = UInt32(wordIndex << 6 | word.trailingZeroBitCount)
        word &= word &- 1
        return document
    }
}
