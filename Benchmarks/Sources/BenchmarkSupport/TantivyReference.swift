import Foundation

/// What tantivy measured on the same corpus and mix, as `tantivy/bench.py` wrote it:
/// `tantivy/results-<creators>.tsv` (p50/p99 per class and overall, in ms) and
/// `tantivy/results-<creators>-queries.tsv` (each query's total, by mix line), so that the
/// Search suite can print the ratio and check that both engines count the same creators.
public struct TantivyReference: Sendable {
    public struct Figures: Sendable {
        public let queries: Int
        public let p50Milliseconds: Double
        public let p99Milliseconds: Double
    }

    /// By class, and `all` for the whole mix (classes tantivy cannot run are absent).
    public let figures: [String: Figures]
    /// tantivy's total for each query it ran, by mix line.
    public let totals: [Int: Int]
    /// The files' comment lines (version, build time), for the report.
    public let notes: [String]

    /// The figures for the corpus of `creators` creators; nil when bench.py has not been run for it.
    public static func load(creators: Int) -> TantivyReference? {
        let base = BenchmarkPaths.packageDirectory + "/tantivy/results-\(creators)"
        guard let summary = lines(base + ".tsv") else { return nil }
        var figures: [String: Figures] = [:]
        var notes: [String] = []
        for line in summary {
            if line.hasPrefix("#") {
                if !line.hasPrefix("# class") { notes.append(String(line.dropFirst(2))) }
                continue
            }
            let columns = line.split(separator: "\t")
            guard columns.count == 4, let queries = Int(columns[1]), let p50 = Double(columns[2]), let p99 = Double(columns[3]) else {
                continue
            }
            figures[String(columns[0])] = Figures(queries: queries, p50Milliseconds: p50, p99Milliseconds: p99)
        }
        var totals: [Int: Int] = [:]
        for line in lines(base + "-queries.tsv") ?? [] where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            if columns.count >= 3, let mixLine = Int(columns[0]), let total = Int(columns[2]) { totals[mixLine] = total }
        }
        return TantivyReference(figures: figures, totals: totals, notes: notes)
    }

    private static func lines(_ path: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
    }
}
