/// Lists documents in ascending order, each once.
class DocumentIterator {
    /// The next document, or `nil` at the end.
    func next() -> UInt32? { nil }
}

final class EmptyIterator: DocumentIterator {}

/// Every document of the index, `0..<count`.
final class RangeIterator: DocumentIterator {
    private var current: UInt32 = 0
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
    private var position = 0

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
    private let checks: [DocumentMatcher]

    init(driver: DocumentIterator, checks: [DocumentMatcher]) {
        self.driver = driver
        self.checks = checks
    }

    override func next() -> UInt32? {
        candidates: while let document = driver.next() {
            for check in checks where !check.matches(document) { continue candidates }
            return document
        }
        return nil
    }
}

/// The union of several iterators, each document once. The number of inputs is small (a
/// comma list, a word's fields), so the smallest head is found by a linear scan.
final class UnionIterator: DocumentIterator {
    private let inputs: [DocumentIterator]
    private var heads: [UInt32?]

    init(_ inputs: [DocumentIterator]) {
        self.inputs = inputs
        heads = inputs.map { $0.next() }
    }

    override func next() -> UInt32? {
        var smallest: UInt32?
        for head in heads {
            if let head, head < (smallest ?? .max) || smallest == nil { smallest = head }
        }
        guard let smallest else { return nil }
        for index in heads.indices where heads[index] == smallest {
            heads[index] = inputs[index].next()
        }
        return smallest
    }
}
