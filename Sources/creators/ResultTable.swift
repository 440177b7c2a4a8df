import CreatorEngine
import Foundation

/// Search results as a readable table (and the `--explain` report around it).
enum ResultTable {
    static func text(_ response: SearchResponse, searcher: Searcher) -> String {
        let header = ["#", "handle", "platform", "country", "tier", "followers", "ER", "risk", "score"]
        var rows: [[String]] = []
        for (rank, hit) in response.hits.enumerated() {
            let summary = searcher.summary(of: hit.document)
            rows.append([
                "\(rank + 1)", "@" + summary.handle, summary.platform ?? "-", summary.country ?? "-", summary.tier ?? "-",
                summary.followers.map(compactCount) ?? "-",
                summary.engagementRate.map { String(format: "%.2f%%", $0 * 100) } ?? "-",
                summary.risk, String(format: "%.3f", hit.score),
            ])
        }
        let footer = String(format: "%d creators match (%.2f ms); showing %d.", response.total, response.tookMilliseconds, response.hits.count)
        return rows.isEmpty ? footer : layout(header: header, rows: rows) + "\n" + footer
    }

    static func explanation(_ explanation: SearchExplanation, searcher: Searcher) -> String {
        var lines = ["Parse tree:", indent(explanation.query.description), "", "Plan (▶ lists documents, the rest is checked on each):",
                     indent(explanation.plan), "", text(explanation.response, searcher: searcher), "", "Score parts:"]
        for (rank, hit) in explanation.response.hits.enumerated() {
            lines.append(String(format: "%d. @%@  %.4f", rank + 1, searcher.index.handle(of: hit.document), hit.score))
            for part in hit.parts { lines.append(String(format: "     %8.4f  %@", part.value, part.label)) }
        }
        return lines.joined(separator: "\n")
    }

    /// `12.3k`, `1.5m`, `950`.
    static func compactCount(_ value: Double) -> String {
        switch value {
        case 1_000_000...: String(format: "%.1fm", value / 1_000_000)
        case 1_000...: String(format: "%.1fk", value / 1_000)
        default: String(format: "%.0f", value)
        }
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// Columns padded to their widest cell (display width of `@handle`s in any script is
    /// approximated by character count).
    private static func layout(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
