import BenchmarkSupport

/// The compact report of a whole-mix run: per class the queries run, our p50/p99,
/// tantivy's p50/p99 on the same documents and queries, the ratio (ours ÷ tantivy, so
/// below 1 is faster), and for how many queries both engines found the same total.
enum SearchTable {
    /// Markdown lines: the table, then the queries refused and the totals that differ.
    static func lines(for run: SearchRun, tantivy: TantivyReference?) -> [String] {
        var lines = [
            "Search/\(run.corpusName): \(run.documentCount) creators, one thread, each query timed "
                + "\(roundsText(run)) (parse + plan + match + exact total + top-k page), milliseconds; "
                + "ratio = ours ÷ tantivy (below 1: faster)",
            "",
            "| class | queries | p50 | p99 | tantivy p50 | tantivy p99 | p50 ratio | p99 ratio | same total as tantivy |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for queryClass in QueryMix.classes + ["all"] {
            let key: String? = queryClass == "all" ? nil : queryClass
            let runs = run.runs(of: key)
            let ran = run.queryCount(of: key)
            let refused = run.refused.count(where: { key == nil || $0.entry.queryClass == key })
            guard ran + refused > 0 else { continue }
            let p50 = Percentiles.nearestRank(runs, 0.5)
            let p99 = Percentiles.nearestRank(runs, 0.99)
            let reference = tantivy?.figures[queryClass]
            let compared = run.queries.filter { (key == nil || $0.queryClass == key) && tantivy?.totals[$0.line] != nil }
            let agreeing = compared.count(where: { tantivy?.totals[$0.line] == run.totals[$0.line] })
            let label = queryClass == "all" ? "**all**" : queryClass
            lines.append("| \(label) | \(ran)\(refused > 0 ? " (\(refused) refused)" : "") | \(ms(p50)) | \(ms(p99)) | "
                + "\(ms(reference?.p50Milliseconds)) | \(ms(reference?.p99Milliseconds)) | "
                + "\(ratio(p50, reference?.p50Milliseconds)) | \(ratio(p99, reference?.p99Milliseconds)) | "
                + (compared.isEmpty ? "–" : "\(agreeing) of \(compared.count)") + " |")
        }
        if tantivy == nil {
            lines.append("")
            lines.append("No tantivy figures for this corpus: run `python3 tantivy/bench.py <corpus>` first.")
        } else {
            lines.append("")
            lines.append("tantivy: " + (tantivy?.notes.joined(separator: "; ") ?? "") + ". It has no `like:` or `overlap:`.")
        }
        let refusedByKind = Dictionary(grouping: run.refused, by: { $0.error.kind })
        for (kind, queries) in refusedByKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let classes = Set(queries.map(\.entry.queryClass)).sorted().joined(separator: ", ")
            lines.append("Refused, not timed: \(queries.count) queries (\(classes)), \(kind.rawValue), e.g. line "
                + "\(queries[0].entry.line) `\(queries[0].entry.query)`: \(queries[0].error.message)")
        }
        let medians = run.queries.indices.compactMap { position in
            run.medianMilliseconds(ofPosition: position).map { (entry: run.queries[position], milliseconds: $0) }
        }
        let over = [0.5, 3.0].map { limit in "\(medians.count(where: { $0.milliseconds > limit })) over \(limit) ms" }
        lines.append("Queries by median: " + over.joined(separator: ", ") + " (of \(medians.count))")
        for slow in medians.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(12) {
            lines.append("Slow: \(ms(slow.milliseconds)) ms median, line \(slow.entry.line) (\(slow.entry.queryClass)), "
                + "total \(run.totals[slow.entry.line] ?? -1): `\(slow.entry.query)`")
        }
        // The timings at and above the mix's p99 (its nearest rank), each with its query: what
        // the p99 target asks to bring under 3 ms, single slow runs included.
        let timings = run.queries.indices.flatMap { position in run.milliseconds(ofPosition: position).map { (position, $0) } }
        let tail = timings.count - Int((0.99 * Double(timings.count)).rounded(.up)) + 1
        let slowest = timings.sorted { $0.1 > $1.1 }.prefix(tail)
        lines.append("Slowest runs (the \(tail) at or above p99 of \(timings.count)): " + slowest.map { position, milliseconds in
            "\(ms(milliseconds)) line \(run.queries[position].line)"
        }.joined(separator: ", "))
        if let tantivy {
            let differing = run.queries.filter { entry in
                tantivy.totals[entry.line].map { $0 != run.totals[entry.line] } ?? false
            }
            for entry in differing.prefix(12) {
                lines.append("Total differs, line \(entry.line) (\(entry.queryClass)): ours \(run.totals[entry.line] ?? -1), "
                    + "tantivy \(tantivy.totals[entry.line] ?? -1): `\(entry.query)`")
            }
            if differing.count > 12 { lines.append("… and \(differing.count - 12) more queries whose totals differ") }
        }
        return lines
    }

    /// "5 times" when every query ran equally often, else the range.
    private static func roundsText(_ run: SearchRun) -> String {
        let counts = run.queries.indices.map { run.runs(ofPosition: $0) }
        guard let low = counts.min(), let high = counts.max() else { return "0 times" }
        return low == high ? "\(low) times" : "\(low)–\(high) times"
    }

    private static func ms(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value < 10 ? Report.fixed(value, 3) : Report.fixed(value, 1)
    }

    private static func ratio(_ ours: Double?, _ theirs: Double?) -> String {
        guard let ours, let theirs, theirs > 0 else { return "–" }
        return Report.fixed(ours / theirs, 2) + "×"
    }
}
