import ArgumentParser
import CorpusGenerator
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a deterministic, realistic synthetic creator dump with fraud, malformed-line and duplicate labels.",
        discussion: """
            The same --count, --seed and options always give byte-identical output, whatever the number \
            of threads. Labels (one JSON line per creator, per malformed line and per superseded duplicate, \
            with physical 1-based line numbers) go to a separate file, by default <out>.labels.jsonl.
            """
    )

    @Option(name: .long, help: "Number of distinct creators.")
    var count: Int

    @Option(name: .long, help: "Seed (any unsigned 64-bit integer).")
    var seed: UInt64

    @Option(name: .long, help: "Output: a .jsonl or .jsonl.gz file, or - for standard output (default: corpora/generated/creators-<count>-<seed>.jsonl).")
    var out: String?

    @Option(name: .long, help: "Labels file (default: <out>.labels.jsonl).")
    var labels: String?

    @Option(name: .long, help: "Share of creators followed by an extra malformed line.")
    var malformedRate: Double = 0.005

    @Option(name: .long, help: "Share of creators for which an extra, superseded version of a creator is written.")
    var duplicateRate: Double = 0.01

    @Option(name: .long, help: "Share of creators with at least one injected fraud pattern.")
    var fraudRate: Double = 0.08

    @Option(name: .long, help: "Recent posts per creator.")
    var posts: Int = 20

    @Option(name: .long, help: "gzip level (1 fastest … 9 smallest) for a .gz output.")
    var gzipLevel: Int32 = 1

    @Option(name: .long, help: "Largest audience sample (follower ids) per creator.")
    var maxSample: Int = 2_000

    @Option(name: .long, help: "The corpus's 'today' (YYYY-MM-DD): updated_at, history and posts are placed relative to it.")
    var asOf: String?

    @Option(name: .long, help: "Worker threads (default: one per core; does not change the output).")
    var threads: Int?

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more") }
        guard posts >= 0 else { throw ValidationError("--posts must be 0 or more") }
        for (name, rate) in [("--malformed-rate", malformedRate), ("--duplicate-rate", duplicateRate), ("--fraud-rate", fraudRate)]
        where !(0...1).contains(rate) {
            throw ValidationError("\(name) must be between 0 and 1")
        }
        if let asOf, CalendarDay(parsing: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
        if let out, out != "-", !(out.hasSuffix(".jsonl") || out.hasSuffix(".jsonl.gz")) {
            throw ValidationError("--out must end in .jsonl or .jsonl.gz (or be - for standard output)")
        }
    }

    func run() throws {
        var options = GeneratorOptions(count: count, seed: seed)
        options.postsPerCreator = posts
        guard maxSample >= 0 else { throw ValidationError("--max-sample must be 0 or more") }
        options.maxSampleSize = maxSample
        guard (1...9).contains(gzipLevel) else { throw ValidationError("--gzip-level must be 1 to 9") }
        options.gzipLevel = gzipLevel
        options.malformedRate = malformedRate
        options.duplicateRate = duplicateRate
        options.fraudRate = fraudRate
        options.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        if let asOf, let day = CalendarDay(parsing: asOf) { options.referenceDate = day }
        let dumpPath = out ?? CorpusGenerator.defaultDumpPath(count: count, seed: seed)
        let labelsPath = labels ?? CorpusGenerator.defaultLabelsPath(dumpPath: dumpPath, count: count, seed: seed)

        let interactive = Terminal.stderrIsTerminal
        let lastShown = LockedValue(-Double.infinity)
        let summary = try CorpusGenerator.generate(options, dumpPath: dumpPath, labelsPath: labelsPath) { progress in
            guard interactive, lastShown.exchangeIfOlder(progress.seconds, by: 0.2) else { return }
            let line = String(format: "%3.0f%% %d/%d creators (%.0f creators/s), %.1f MB written (%.1f MB/s)",
                              100 * Double(progress.creatorsWritten) / Double(max(1, progress.totalCreators)),
                              progress.creatorsWritten, progress.totalCreators, progress.creatorsPerSecond,
                              Double(progress.bytesWritten) / 1_048_576, progress.megabytesPerSecond)
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        }
        Terminal.endProgress()
        let megabytes = Double(summary.bytes) / 1_048_576
        let compressed = dumpPath.hasSuffix(".gz") ? String(format: " (%.1f MB gzip)", Double(summary.outputBytes) / 1_048_576) : ""
        Terminal.status(String(format: """
            Generated %d creators in %.1fs: %d lines (%d malformed, %d superseded duplicates), %d creators with fraud; \
            %.1f MB%@, %.1f MB/s, %.0f creators/s.
            Dump: %@
            Labels: %@
            """, summary.creators, summary.seconds, summary.lines, summary.malformedLines, summary.duplicateLines,
                                     summary.fraudulentCreators, megabytes, compressed, summary.megabytesPerSecond,
                                     summary.seconds > 0 ? Double(summary.creators) / summary.seconds : 0,
                                     dumpPath == "-" ? "standard output" : dumpPath, labelsPath))
    }
}
