import Foundation

/// The process's resident memory as Linux reports it in `/proc/self/status`, so that a
/// suite can print its own peak beside package-benchmark's sampled `peakMemoryResident`.
///
/// `resetPeak()` writes `5` to `/proc/self/clear_refs`, which sets the high-water mark
/// (`VmHWM`) back to the current resident size: the peak then covers only what follows, not
/// the setup that generated a corpus.
public enum ResidentMemory {
    /// Current resident set size in bytes (`VmRSS`), nil where `/proc` is unavailable.
    public static var current: Int? { statusField("VmRSS:") }

    /// Highest resident set size since start or since the last `resetPeak()` (`VmHWM`).
    public static var peak: Int? { statusField("VmHWM:") }

    /// Restarts the high-water mark at the current resident size.
    public static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            // "VmHWM:	  123456 kB"
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
