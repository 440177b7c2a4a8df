import ArgumentParser
import CreatorEngine
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a new index generation from profile dumps (JSONL or .jsonl.gz files, or folders of them).",
        discussion: """
            Bad lines are rejected, not fatal: each goes to the generation's reject file with
            its file, line number and reason. The build fails only on an I/O error, and then
            the previous index stays current.
            """
    )

    @Argument(help: "Dump files or folders (searched recursively for *.jsonl and *.jsonl.gz).")
    var dumps: [String]

    @Option(name: .long, help: "Index folder.")
    var index: String = IndexLocation.defaultDirectory

    @Option(name: .long, help: "Currency rate table (JSON: {\"date\": ..., \"usd_per_unit\": {...}}) replacing the built-in one.")
    var rates: String?

    @Option(name: .long, help: "Worker threads for parsing and analysis (default: one per core).")
    var workers: Int?

    @Flag(name: .long, help: "Print the summary as one JSON object on stdout.")
    var json = false

    func run() throws {
        var options = BuildOptions(paths: dumps, directory: IndexDirectory(path: index))
        if let rates { options.rates = try CurrencyRates(contentsOfFile: rates) }
        if let workers { options.workers = max(1, workers) }
        if !json || Terminal.stderrIsTerminal { options.progress = Terminal.progressReporter() }
        let summary: BuildSummary
        do {
            summary = try IndexBuild.run(options)
        } catch {
            Terminal.endProgress()
            throw CommandFailure("build failed, the previous index is still current: \(error)")
        }
        Terminal.endProgress()
        if json {
            print(summary.json)
        } else {
            print(Terminal.describe(summary))
        }
    }
}
