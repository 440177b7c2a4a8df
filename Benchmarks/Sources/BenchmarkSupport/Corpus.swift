import CorpusGenerator
import CreatorEngine
import Foundation

/// Generated dumps and the index built from them, cached under `BenchmarkPaths.cacheDirectory`
/// and made on first use: `creators-<count>-<seed>.jsonl` is exactly what
/// `creators generate --count <count> --seed <seed>` writes (default options, so a dump made
/// by hand with that command is picked up as is).
public enum Corpus {
    /// The seed of every benchmark corpus.
    public static let seed: UInt64 = 1

    /// The cached dump of `count` creators, generated (on all cores) if it is not there yet.
    /// A dump is written under a temporary name and renamed when complete, so a killed
    /// generation never leaves a truncated dump behind that looks finished.
    public static func dump(creators count: Int) throws -> String {
        let directory = BenchmarkPaths.cacheDirectory
        let path = directory + "/creators-\(count)-\(seed).jsonl"
        if FileManager.default.fileExists(atPath: path) { return path }
        try BenchmarkPaths.makeDirectory(directory)
        let partial = directory + "/creators-\(count)-\(seed).partial-\(getpid()).jsonl"
        var options = GeneratorOptions(count: count, seed: seed)
        options.threads = ProcessInfo.processInfo.activeProcessorCount
        Report.line("generating \(count) creators (seed \(seed)) into \(path) …")
        let summary = try CorpusGenerator.generate(options, dumpPath: partial, labelsPath: path + ".labels.jsonl")
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        Report.line("generated \(summary.lines) lines, \(Report.mebibytes(summary.bytes)) in \(Report.fixed(summary.seconds)) s")
        ResidentMemory.resetPeak()
        return path
    }

    /// An index folder holding a current index built from the dump of `count` creators,
    /// (re)built when it is missing or cannot be opened (say, after a format change).
    public static func index(creators count: Int) throws -> IndexDirectory {
        let dumpPath = try dump(creators: count)
        let directory = IndexDirectory(path: BenchmarkPaths.cacheDirectory + "/index-\(count)-\(seed)")
        if directory.hasCurrentIndex, (try? CreatorIndex(directory: directory)) != nil { return directory }
        try BenchmarkPaths.makeDirectory(directory.path)
        Report.line("building the index of \(dumpPath) into \(directory.path) …")
        let summary = try IndexBuild.run(BuildOptions(paths: [dumpPath], directory: directory))
        Report.line("built \(summary.accepted) documents in \(Report.fixed(summary.seconds)) s")
        ResidentMemory.resetPeak()
        return directory
    }
}
