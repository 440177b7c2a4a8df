/// Lists documents in ascending order, each once.
class DocumentIterator {
    /// The next document, or `nil` at the end.
    func next() -> UInt32? { nil }
}

final class EmptyIterator: DocumentIterator {}

/// Every document of the index, `0..<count`.
final class RangeIterator: DocumentIterator {
    @exclusivity(unchecked) private var current: UInt32 = 0
    private let end: UInt32

    init(count: Int) {
        end = UInt32(count)
    }

    override func next() -> UInt32? {
        guard current < end else { return nil }
        defer { current += 1 }
        return current
    }
}

/// The documents of a sorted buffer.
final class BufferIterator: DocumentIterator {
    private let documents: SortedDocuments
    @exclusivity(unchecked) private var position = 0

    init(_ documents: SortedDocuments) {
        self.documents = documents
    }

    override func next() -> UInt32? {
        guard position < documents.count else { return nil }
        defer { position += 1 }
        return documents[position]
    }
}

/// The documents of `driver` that every one of `checks` accepts.
final class FilteredIterator: DocumentIterator {
    private let driver: DocumentIterator
    // Read without reference counting per document; `driver` keeps the iterator alive.
    private let unownedDriver: Unmanaged<DocumentIterator>
    private let checks: MatcherList

    init(driver: DocumentIterator, checks: [DocumentMatcher]) {
        self.driver = driver
        unownedDriver = Unmanaged.passUnretained(driver)
        self.checks = MatcherList(checks)
    }

    override func next() -> UInt32? {
        while let document = unownedDriver._withUnsafeGuaranteedRef({ $0.next() }) {
            if checks.allMatch(document) { return document }
        }
        return nil
    }
}

/// The union of several iterators, each document once. The number of inputs is small (a
/// comma list, a few tiers), so the smallest head is found by a linear scan. Inputs and
/// heads are read through plain buffers: no reference counting per document.
final class UnionIterator: DocumentIterator {
    private let inputs: [DocumentIterator]
    // Safe: `inputs` keeps every iterator alive.
    private let references: OwnedBuffer<Unmanaged<DocumentIterator>>
    /// The next document of each input; `UInt32.max` once it is exhausted.
    private let heads: UnsafeMutableBufferPointer<UInt32>

    init(_ inputs: [DocumentIterator]) {
        self.inputs = inputs
        references = OwnedBuffer(inputs.map { Unmanaged.passUnretained($0) })
        heads = .allocate(capacity: inputs.count)
        for (index, input) in inputs.enumerated() { heads[index] = input.next() ?? .max }
    }

    deinit { heads.deallocate() }

    override func next() -> UInt32? {
        var smallest = UInt32.max
        for index in 0..<heads.count where heads[index] < smallest { smallest = heads[index] }
        guard smallest != .max else { return nil }
        for index in 0..<heads.count where heads[index] == smallest {
            heads[index] = references.buffer[index]._withUnsafeGuaranteedRef { $0.next() } ?? .max
        }
        return smallest
    }
}
