import ArgumentParser
import CreatorEngine
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search creators with the query language (see docs/query-language.md).",
        discussion: """
            Example: creators search 'category:beauty country:US tier:micro..mid er:>=3% "clean skincare" -risk:high'
            A query that cannot be parsed prints the error with its column and exits with code 2.
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(parsing: .allUnrecognized, help: "The query (quote it for the shell; several words are joined with spaces).")
    var query: [String] = []

    @Flag(name: .long, help: "Print the JSON document the server's SEARCH returns.")
    var json = false

    @Flag(name: .long, help: "Show the parse tree, the plan and each hit's score parts.")
    var explain = false

    @Option(name: .long, help: "Run the query this many times more and print the latency percentiles on stderr (for measuring; the sorted column orders are made first, as a server and the benchmarks have them).")
    var repeatCount: Int = 0

    func run() throws {
        let text = query.joined(separator: " ")
        // One query: sorting whole columns for it would cost more than it saves.
        let searcher = Searcher(index: try location.open(), valueOrders: .onRequest)
        do {
            if repeatCount > 0 { try measure(text, searcher: searcher) }
            if explain {
                let explanation = try searcher.explain(text)
                print(json ? String(decoding: searcher.json(explanation), as: UTF8.self) : ResultTable.explanation(explanation, searcher: searcher))
            } else {
                let response = try searcher.search(text)
                print(json ? String(decoding: searcher.json(response), as: UTF8.self) : ResultTable.text(response, searcher: searcher))
            }
        } catch {
            Terminal.status(error.description + (error.hint.map { "\nhint: " + $0 } ?? ""))
            throw ExitCode(2)
        }
    }

    /// Times `repeatCount` runs of the query (after the one shown) on this thread, with the
    /// value orders a long-lived searcher has (a range then reads its slice of the column's
    /// order instead of scanning the column).
    private func measure(_ text: String, searcher: Searcher) throws(QueryError) {
        searcher.prepareValueOrders()
        var times: [Double] = []
        for _ in 0..<repeatCount { times.append(try searcher.search(text).tookMilliseconds) }
        times.sort()
        func percentile(_ share: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * share))] }
        Terminal.status(String(format: "%d runs: p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                               times.count, percentile(0.5), percentile(0.99), times.last ?? 0))
    }
}
