import Foundation

/// Where the suites keep what they make: generated dumps and index folders are big, so they
/// live under `/tmp/creators-bench/` (or `$CREATORS_BENCH_DIR`), never in the repository, and
/// are reused between runs. Real data is read from the shared data folder beside the project.
public enum BenchmarkPaths {
    /// The cache folder for dumps and indexes.
    public static var cacheDirectory: String {
        ProcessInfo.processInfo.environment["CREATORS_BENCH_DIR"] ?? "/tmp/creators-bench"
    }

    /// The shared data folder: `$CREATORS_SHARED_DATA`, else `../../shared/data` seen from the
    /// Benchmarks package (the plugin runs the suites with the package folder as the current
    /// directory), else the same path seen from this source file.
    public static var sharedDataDirectory: String {
        if let configured = ProcessInfo.processInfo.environment["CREATORS_SHARED_DATA"] { return configured }
        let fromWorkingDirectory = FileManager.default.currentDirectoryPath + "/../../shared/data"
        if FileManager.default.fileExists(atPath: fromWorkingDirectory) { return fromWorkingDirectory }
        // …/Benchmarks/Sources/BenchmarkSupport/BenchmarkPaths.swift, three levels up: the Benchmarks package.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../../shared/data").standardizedFileURL.path
    }

    /// The Benchmarks package folder, where the query mixes (`queries/`) and the tantivy
    /// figures (`tantivy/`) live: the current directory when it holds them (the plugin runs
    /// the suites there), else the folder three levels above this source file.
    public static var packageDirectory: String {
        let workingDirectory = FileManager.default.currentDirectoryPath
        if FileManager.default.fileExists(atPath: workingDirectory + "/queries/make_mix.py") { return workingDirectory }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().standardizedFileURL.path
    }

    /// The TIDES TikTok influencer table (real bios in many scripts), if the shared data is present.
    public static var tidesTikTokCSV: String {
        sharedDataDirectory + "/external/tides-tiktok-youtube-influencers/tiktok_influencers.csv"
    }

    /// Creates `path` and its parents if needed.
    public static func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A new empty folder under the cache folder, for one index build.
    public static func freshScratchDirectory(prefix: String) throws -> String {
        let path = cacheDirectory + "/scratch/\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try makeDirectory(path)
        return path
    }

    /// Removes a folder made by `freshScratchDirectory`; failures only leave litter in /tmp.
    public static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The size of a file in bytes, 0 if it cannot be read.
    public static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
