/// All children match. Lists its documents by walking the cheapest listable child (the
/// *driver*) and checking the others on each of its documents, most selective first.
final class AndMatcher: DocumentMatcher {
    private let list: MatcherList
    var parts: [DocumentMatcher] { list.owned }

    init(_ parts: [DocumentMatcher]) {
        // Cheap and selective first: a document is rejected after as little work as possible.
        list = MatcherList(parts.sorted { ($0.checkCost, $0.estimate) < ($1.checkCost, $1.estimate) })
        super.init(estimate: parts.map(\.estimate).min() ?? 0)
    }

    /// The child that lists the fewest documents, if any child can list at all (at equal
    /// cost, the one expected to pass the fewest: two column scans cost alike).
    var driver: DocumentMatcher? {
        parts.filter { $0.iterationCost != .max }.min {
            ($0.iterationCost, $0.estimate) < ($1.iterationCost, $1.estimate)
        }
    }

    override var iterationCost: Int { driver?.iterationCost ?? .max }

    override func makeIterator() -> DocumentIterator {
        guard let planned = driver else { return EmptyIterator() }
        let checks = parts.filter { $0 !== planned }
        for (index, check) in checks.enumerated() {
            check.expectCandidates(from: planned, earlierChecks: checks[..<index])
        }
        // A costly check that can now list its matches, no more of them than the driver was
        // expected to list (a phrase that has found all its occurrences), drives instead:
        // each of its documents then costs the planned driver's cheap check, not its own.
        let driver = checks.filter { $0.checkCost > planned.checkCost && $0.iterationCost <= planned.estimate }
            .min { $0.iterationCost < $1.iterationCost } ?? planned
        return FilteredIterator(driver: driver.makeIterator(), checks: parts.filter { $0 !== driver })
    }

    override func matches(_ document: UInt32) -> Bool { list.allMatch(document) }

    override var canMakeSet: Bool { !parts.isEmpty && parts.allSatisfy(\.canMakeSet) }

    /// The intersection, starting from the part expected to match the fewest; parts that
    /// prefer candidates come last and are asked only about what the others left.
    override func documentSet() -> DocumentSet? {
        guard canMakeSet else { return nil }
        var result: DocumentSet?
        let ordered = parts.filter { !$0.prefersCandidates }.sorted { $0.estimate < $1.estimate } + parts.filter(\.prefersCandidates)
        for part in ordered {
            if let candidates = result {
                guard let set = part.documentSet(within: candidates) else { return nil }
                result = set
            } else {
                guard let set = part.documentSet() else { return nil }
                result = set
            }
        }
        return result
    }

    override var label: String { "AND  (≤ \(estimate) docs)" }
    override var children: [DocumentMatcher] { parts }
}

/// Any child matches. Listable when every child is (a union of their lists).
final class OrMatcher: DocumentMatcher {
    private let list: MatcherList
    var parts: [DocumentMatcher] { list.owned }
    private let documentCount: Int

    init(_ parts: [DocumentMatcher], documentCount: Int) {
        // Most inclusive first: a document is accepted after as few checks as possible.
        list = MatcherList(parts.sorted { $0.estimate > $1.estimate })
        self.documentCount = documentCount
        super.init(estimate: min(documentCount, parts.reduce(0) { $0 + $1.estimate }))
    }

    override var iterationCost: Int {
        var total = 0
        for part in parts {
            guard part.iterationCost != .max else { return .max }
            total += part.iterationCost
        }
        return total
    }

    override func makeIterator() -> DocumentIterator { UnionIterator(parts.map { $0.makeIterator() }) }

    override func matches(_ document: UInt32) -> Bool { list.anyMatches(document) }

    override var canMakeSet: Bool { parts.allSatisfy(\.canMakeSet) }

    override func documentSet() -> DocumentSet? {
        var result = DocumentSet(documentCount: documentCount)
        for part in parts {
            guard let set = part.documentSet() else { return nil }
            result.formUnion(set)
        }
        return result
    }

    override var label: String { "OR  (≤ \(estimate) docs)" }
    override var children: [DocumentMatcher] { parts }
}

/// The complement of the child. Never listable on its own (it would list nearly everything).
final class NotMatcher: DocumentMatcher {
    let part: DocumentMatcher
    // Read without reference counting in the per-document check; `part` owns it.
    private let unownedPart: Unmanaged<DocumentMatcher>
    private let documentCount: Int

    init(_ part: DocumentMatcher, documentCount: Int) {
        self.part = part
        self.documentCount = documentCount
        unownedPart = Unmanaged.passUnretained(part)
        super.init(estimate: max(0, documentCount - part.estimate))
    }

    override func matches(_ document: UInt32) -> Bool { !unownedPart._withUnsafeGuaranteedRef { $0.matches(document) } }

    override var canMakeSet: Bool { part.canMakeSet }

    override func documentSet() -> DocumentSet? {
        guard var set = part.documentSet() else { return nil }
        set.complement()
        return set
    }
    override var label: String { "NOT" }
    override var children: [DocumentMatcher] { [part] }
    /// Nothing under a negation adds to the score.
    override var scoringLeaves: [ScoringLeaf] { [] }
}

/// Every document (a query without conditions, or a word that analyses to nothing).
final class EverythingMatcher: DocumentMatcher {
    private let documentCount: Int
    private let description: String

    init(documentCount: Int, label: String = "everything") {
        self.documentCount = documentCount
        description = label
        super.init(estimate: documentCount)
    }

    override var iterationCost: Int { documentCount }
    override func makeIterator() -> DocumentIterator { RangeIterator(count: documentCount) }
    override func matches(_ document: UInt32) -> Bool { true }
    override var canMakeSet: Bool { true }
    override func documentSet() -> DocumentSet? { DocumentSet(documentCount: documentCount, filled: true) }
    override var label: String { "\(description)  (\(documentCount) docs)" }
}
