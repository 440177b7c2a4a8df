import CreatorText
import Synchronization

/// Text analysers for concurrent searches: an analyser is not thread-safe and costs about
/// a millisecond to make, so each search borrows one and gives it back.
final class AnalyzerPool: Sendable {
    private let idle: Mutex<[UnsafeTransfer]> = Mutex([])

    /// An analyser handed between threads: only one search holds it at a time.
    private struct UnsafeTransfer: @unchecked Sendable {
        let analyzer: TextAnalyzer
    }

    /// Makes the first analyser now (loading ICU's dictionaries takes tens of milliseconds),
    /// so that no search pays for it.
    func warmUp() {
        guard let analyzer = try? TextAnalyzer() else { return }
        idle.withLock { $0.append(UnsafeTransfer(analyzer: analyzer)) }
    }

    /// Runs `body` with an analyser of its own.
    func withAnalyzer<Result>(_ body: (TextAnalyzer) throws(QueryError) -> Result) throws(QueryError) -> Result {
        let borrowed = idle.withLock { $0.popLast() }
        let analyzer: TextAnalyzer
        if let borrowed {
            analyzer = borrowed.analyzer
        } else {
            do {
                analyzer = try TextAnalyzer()
            } catch {
                // ICU's data is part of the system; without it no text can be searched.
                throw QueryError(kind: .notIndexed, message: "the text analyser could not start: \(error)",
                                 span: 0..<1, query: "")
            }
        }
        defer { idle.withLock { $0.append(UnsafeTransfer(analyzer: analyzer)) } }
        return try body(analyzer)
    }
}
