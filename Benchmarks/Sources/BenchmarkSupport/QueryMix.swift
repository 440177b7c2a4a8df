import Foundation

/// The fixed query mix of the search benchmark: `queries/mix-<creators>.tsv` in the
/// Benchmarks package, made from the corpus by `queries/make_mix.py` (fixed seed, so every
/// run asks the same queries). Each line is `class <TAB> query <TAB> tantivy equivalent`;
/// lines starting with `#` are comments.
public struct QueryMix: Sendable {
    /// One query of the mix.
    public struct Entry: Sendable, Hashable {
        /// The 1-based line of the mix file: the query's name in reports and in tantivy's results.
        public let line: Int
        /// `facet`, `range`, `text`, `sorted`, `audience`, `lookalike` or `overlap`.
        public let queryClass: String
        /// The query in the engine's language.
        public let query: String
    }

    /// The classes in report order.
    public static let classes = ["facet", "range", "text", "sorted", "audience", "lookalike", "overlap"]

    public let path: String
    public let entries: [Entry]

    /// The mix of the corpus of `creators` creators.
    /// - Throws: when the file is missing (make it with `make_mix.py`) or a line is malformed.
    public init(creators: Int) throws {
        path = BenchmarkPaths.packageDirectory + "/queries/mix-\(creators).tsv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QueryMixError(message: "no query mix at \(path): run "
                + "`python3 queries/make_mix.py \(BenchmarkPaths.cacheDirectory)/creators-\(creators)-\(Corpus.seed).jsonl`")
        }
        var entries: [Entry] = []
        for (offset, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, !columns[0].isEmpty, !columns[1].isEmpty else {
                throw QueryMixError(message: "\(path):\(offset + 1): expected class, query and tantivy JSON separated by tabs")
            }
            entries.append(Entry(line: offset + 1, queryClass: String(columns[0]), query: String(columns[1])))
        }
        self.entries = entries
    }

    /// The queries of one class, in file order.
    public func entries(in queryClass: String) -> [Entry] {
        entries.filter { $0.queryClass == queryClass }
    }
}

/// A query mix that cannot be read.
public struct QueryMixError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
