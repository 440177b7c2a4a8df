import Foundation

/// Plain-text figures printed beside package-benchmark's tables (MB/s, lines/s, ratios),
/// on standard error so that `--format … --path stdout` exports stay machine-readable.
///
/// Print from a benchmark's teardown, not its closure: with `--no-progress` the benchmark
/// process sends standard output and error to /dev/null while the iterations run
/// (`DeferredReport` keeps lines until then).
public enum Report {
    /// Prints one line, prefixed so that it is easy to grep from a long run.
    public static func line(_ text: String) {
        FileHandle.standardError.write(Data("[bench] \(text)\n".utf8))
    }

    /// `bytes` per second in MB/s (10^6 bytes), the unit the project's targets use.
    public static func megabytesPerSecond(bytes: Int, seconds: Double) -> Double {
        seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
    }

    /// A number with a fixed count of decimals.
    public static func fixed(_ value: Double, _ decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// Bytes as MiB with one decimal.
    public static func mebibytes(_ bytes: Int) -> String {
        fixed(Double(bytes) / 1_048_576) + " MiB"
    }
}
