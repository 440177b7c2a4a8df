import CreatorEngine
import Foundation

/// Status and progress output on stderr, so stdout stays clean for results and `--json`.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    static func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A live progress line when stderr is a terminal; otherwise one line every ~5 seconds,
    /// so logs of long builds still show life.
    static func progressReporter() -> @Sendable (BuildProgress) -> Void {
        let interactive = stderrIsTerminal
        let lastPrinted = LockedValue(-Double.infinity)
        return { progress in
            guard progress.linesRead > 0 else { return }
            let interval = interactive ? 0.2 : 5.0
            guard progress.isWriting || lastPrinted.exchangeIfOlder(progress.seconds, by: interval) else { return }
            if progress.isWriting {
                let line = "\(progress.linesRead) lines read: \(progress.accepted) accepted, \(progress.rejected) rejected, \(progress.superseded) superseded; writing the index…"
                FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
                return
            }
            let eta = progress.estimatedSecondsLeft.map { String(format: ", ETA %.0fs", $0) } ?? ""
            let share = progress.totalBytes > 0 ? String(format: "%3.0f%% ", 100 * Double(progress.bytesRead) / Double(progress.totalBytes)) : ""
            let line = String(format: "%@%d lines (%.0f lines/s): %d accepted, %d rejected, %d superseded%@",
                              share, progress.linesRead, progress.linesPerSecond, progress.accepted, progress.rejected,
                              progress.superseded, eta)
            FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
        }
    }

    /// Ends a live progress line.
    static func endProgress() {
        if stderrIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func describe(_ summary: BuildSummary) -> String {
        let megabytes = Double(summary.bytesRead) / 1_048_576
        return String(format: """
            Built %@ in %.1fs: %d lines read = %d accepted + %d rejected + %d superseded (%.1f MB, %.1f MB/s).
            Index: %.1f MB. Rejected lines and reasons: %@
            """, summary.indexPath, summary.seconds, summary.linesRead, summary.accepted, summary.rejected,
                      summary.superseded, megabytes, summary.seconds > 0 ? megabytes / summary.seconds : 0,
                      Double(summary.indexBytes) / 1_048_576, summary.rejectFile)
    }
}

/// A value behind a lock, for progress callbacks that may come from any thread.
final class LockedValue: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Double
    init(_ value: Double) { self.value = value }

    /// Stores `now` and returns true when the stored value is at least `interval` older.
    func exchangeIfOlder(_ now: Double, by interval: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard now - value >= interval else { return false }
        value = now
        return true
    }
}
