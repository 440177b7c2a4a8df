/// The decoded postings of the terms of one query, shared by the query's plans (matching,
/// ranking and the page's score parts), so each list is decoded (and each term's fields
/// merged, when a plan lists them) once per search.
final class PostingsCache {
    private var decoded: [String: PostingList] = [:]
    private var phrases: [String: PhraseCounts] = [:]
    private var computedLists: [String: SortedDocuments] = [:]
    private var scoredLists: [String: ScoredDocuments] = [:]
    private var testedCandidates: [String: TestedCandidates] = [:]
    private var computedShares: [String: (documents: SortedDocuments, shares: OwnedBuffer<Float>)?] = [:]

    /// The value kept under `key`, made by `make` on first use.
    private static func memo<Value>(_ key: String, in store: inout [String: Value], make: () -> Value) -> Value {
        if let known = store[key] { return known }
        let made = make()
        store[key] = made
        return made
    }

    /// A document list computed from the index for this query (an audience key's failing
    /// creators, the creators a `like:` finds).
    func list(_ key: String, make: () -> SortedDocuments) -> SortedDocuments {
        Self.memo(key, in: &computedLists, make: make)
    }

    /// Documents with a value each, computed for this query (the creators a `like:` finds
    /// and their similarities).
    func scored(_ key: String, make: () -> (documents: [UInt32], scores: [Float])) -> ScoredDocuments {
        Self.memo(key, in: &scoredLists) {
            let made = make()
            return ScoredDocuments(documents: SortedDocuments(owned: made.documents), scores: OwnedBuffer(made.scores))
        }
    }

    /// The creators an `overlap:` reference touches and their shares (`nil`: no sample).
    func touchedShares(_ key: String, make: () -> (documents: [UInt32], shares: [Float])?)
        -> (documents: SortedDocuments, shares: OwnedBuffer<Float>)? {
        Self.memo(key, in: &computedShares) { make().map { (SortedDocuments(owned: $0.documents), OwnedBuffer($0.shares)) } }
    }

    /// The scored documents already computed under `key`, if any.
    func existingScored(_ key: String) -> ScoredDocuments? { scoredLists[key] }

    /// What one plan found when it tested candidates one by one under `key`, for the
    /// query's other plans (the plan that ranks reads the values instead of computing them).
    func testedCandidates(_ key: String) -> TestedCandidates {
        Self.memo(key, in: &testedCandidates) { TestedCandidates() }
    }

    /// A term's postings in one field, decoded.
    func postings(of term: FieldTerm) -> PostingList {
        Self.memo(term.field.rawValue + "\u{0}" + String(term.info.postingsOffset), in: &decoded) {
            PostingList(reader: term.reader, info: term.info)
        }
    }

    /// The occurrences found so far of one phrase (by its query text).
    func phraseCounts(_ phrase: String, fields: Int) -> PhraseCounts {
        Self.memo(phrase, in: &phrases) { PhraseCounts(fields: fields) }
    }
}

/// Ascending documents, each with a value (aligned).
struct ScoredDocuments {
    let documents: SortedDocuments
    let scores: OwnedBuffer<Float>
}

/// The candidates that passed when a plan tested a set of them one by one (a `like:`
/// inside an AND), with their values; empty until that plan runs.
final class TestedCandidates {
    @exclusivity(unchecked) var passed: ScoredDocuments?
}

/// One term's postings in one field, decoded, in buffers read without reference counting.
struct PostingList {
    let documents: SortedDocuments
    let frequencies: OwnedBuffer<UInt32>

    /// Decodes the postings straight into memory the list owns.
    init(reader: TextFieldReader, info: TermInfo) {
        let capacity = reader.postingCapacity(info)
        let documentMemory = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        let frequencyMemory = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        let decoded = reader.decodePostings(info, documents: documentMemory, frequencies: frequencyMemory)
        // A damaged list is cut where decoding stopped: only that prefix is initialised and viewed.
        documents = SortedDocuments(owned: OwnedBuffer(adopting: UnsafeMutableBufferPointer(rebasing: documentMemory[..<decoded])))
        frequencies = OwnedBuffer(adopting: UnsafeMutableBufferPointer(rebasing: frequencyMemory[..<decoded]))
    }
}

/// How often a phrase occurs in each field of the documents checked so far, in ascending
/// document order (each plan checks documents in ascending order); or, once `isComplete`,
/// of every document where it occurs, found at once (`PhraseMatcher`'s bulk pass).
final class PhraseCounts {
    /// One field's documents where the phrase occurs (ascending) and how often in each, in
    /// memory the record takes over as it is.
    typealias FieldOccurrences = (documents: OwnedBuffer<UInt32>, counts: OwnedBuffer<UInt32>)

    private let fields: Int
    @exclusivity(unchecked) private var documents: [UInt32] = []
    @exclusivity(unchecked) private var counts: [UInt32] = []
    /// The complete record (`complete(byField:)`), as plain buffers for the per-document
    /// lookups; `documents` and `counts` hold what is recorded before it, document by document.
    private(set) var completeDocuments = SortedDocuments(owned: [])
    private var completeCounts = OwnedBuffer<UInt32>([])
    /// Every document where the phrase occurs is recorded: any other has no occurrence.
    private(set) var isComplete = false
    /// Changes when the record is replaced by the complete one, so that a reader's cursor
    /// into the old record starts over.
    private(set) var generation = 0

    init(fields: Int) {
        self.fields = fields
    }

    /// Where `document` is in the complete record (searching forward from `cursor`, or from
    /// the start when `document` comes before it; the cursor is left there), or nil when
    /// the phrase does not occur in it. Only once `isComplete`.
    @inline(__always) func completePosition(of document: UInt32, cursor: inout Int) -> Int? {
        if cursor > 0, cursor <= completeDocuments.count, completeDocuments[cursor - 1] >= document { cursor = 0 }
        cursor = completeDocuments.firstPosition(from: cursor, atLeast: document)
        return cursor < completeDocuments.count && completeDocuments[cursor] == document ? cursor : nil
    }

    /// How often the phrase occurs in `field` of the document at `position` of the complete record.
    @inline(__always) func completeCount(at position: Int, field: Int) -> UInt32 {
        completeCounts.buffer[position * fields + field]
    }

    /// Copies the counts recorded document by document for `document` into `found`
    /// (searching forward from `cursor`); `false` when none are recorded. Before the
    /// record is complete (after it, readers use `completePosition` and `completeCount`).
    func copyCounts(of document: UInt32, cursor: inout Int, into found: inout ScratchBuffer<UInt32>) -> Bool {
        while cursor < documents.count, documents[cursor] < document { cursor += 1 }
        guard cursor < documents.count, documents[cursor] == document else { return false }
        found.removeAll()
        for field in 0..<fields { found.append(counts[cursor * fields + field]) }
        return true
    }

    /// Replaces what was recorded by every occurrence: per field, the documents (ascending)
    /// where the phrase occurs and how often. A phrase in one field (most are: captions)
    /// keeps that field's buffers as they are.
    func complete(byField: [FieldOccurrences]) {
        precondition(byField.count == fields)
        if let only = byField.first, fields == 1 {
            completeDocuments = SortedDocuments(owned: only.documents)
            completeCounts = only.counts
        } else {
            // The union of the fields' documents, then each field's counts at their places.
            let merged = SortedDocuments.union(byField.map { SortedDocuments(owned: $0.documents) })
            let mergedCounts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: merged.count * fields)
            mergedCounts.initialize(repeating: 0)
            for (field, found) in byField.enumerated() {
                place(found, field: field, among: merged.buffer, into: mergedCounts)
            }
            completeDocuments = merged
            completeCounts = OwnedBuffer(adopting: mergedCounts)
        }
        documents = []
        counts = []
        isComplete = true
        generation += 1
    }

    /// Records the counts of every document of `candidates` (ascending), from the documents
    /// of each field where the phrase occurs among them with how often (any other candidate
    /// has no occurrence in that field); ignored unless they all come after every recorded one.
    func record(candidates: OwnedBuffer<UInt32>, byField: [FieldOccurrences]) {
        precondition(byField.count == fields)
        let candidates = candidates.buffer
        guard !isComplete, let first = candidates.first, documents.last.map({ $0 < first }) ?? true else { return }
        let start = counts.count
        documents += candidates
        counts += repeatElement(0, count: candidates.count * fields)
        counts.withUnsafeMutableBufferPointer { counts in
            let added = UnsafeMutableBufferPointer(rebasing: counts[start...])
            for (field, found) in byField.enumerated() { place(found, field: field, among: candidates, into: added) }
        }
    }

    /// Writes one field's counts (`found`, documents ascending) at those documents' places
    /// among `places` (ascending, holding each of them): entry `place × fields + field`.
    private func place(_ found: FieldOccurrences, field: Int,
                       among places: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt32>) {
        var at = 0
        for (index, document) in found.documents.buffer.enumerated() {
            while places[at] < document { at += 1 }
            out[at * fields + field] = found.counts.buffer[index]
        }
    }

    /// Records a document's counts (ignored unless after every recorded one).
    func record(_ document: UInt32, _ found: ScratchBuffer<UInt32>) {
        guard !isComplete, documents.last.map({ $0 < document }) ?? true else { return }
        documents.append(document)
        for index in 0..<found.count { counts.append(found[index]) }
    }
}
