import Foundation

/// Scratch folders for tests, all inside one folder per test process that is removed when
/// the process exits.
///
/// Fixtures kept in a `static let` (an index built once and shared by a suite) are never
/// deinitialised, so a folder that removes itself on `deinit` stays behind for them; before
/// this, every `swift test` left about 70 MB of indexes and dumps in the temporary
/// directory. A process that crashes cannot remove its folder, so the next test process
/// removes the folders of processes that no longer run.
public enum TestScratch {
    /// This process's folder, made (with its removal at exit arranged) on first use.
    public static let root: String = {
        removeAbandonedRoots()
        let path = rootPath(of: getpid())
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.rootPath(of: getpid())) }
        return path
    }()

    /// A fresh, empty folder inside `root`, named `label` and a UUID.
    public static func folder(_ label: String) -> String {
        let path = root + "/" + label + "-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static let rootPrefix = "creators-tests-"

    private static func rootPath(of process: pid_t) -> String {
        NSTemporaryDirectory() + rootPrefix + String(process)
    }

    /// Removes the folders of test processes that have ended (`kill(pid, 0)` finds no such process).
    private static func removeAbandonedRoots() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
        for name in names where name.hasPrefix(rootPrefix) {
            guard let process = pid_t(name.dropFirst(rootPrefix.count)), process != getpid(),
                  kill(process, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + name)
        }
    }
}
