/// Lines written during a benchmark's iterations and printed by its teardown, because
/// package-benchmark silences the process's output while iterations run under `--no-progress`.
public final class DeferredReport {
    private var lines: [String] = []

    public init() {}

    public func add(_ line: String) { lines.append(line) }

    /// Prints the kept lines with `Report.line` and forgets them.
    public func flush() {
        for line in lines { Report.line(line) }
        lines.removeAll()
    }
}
