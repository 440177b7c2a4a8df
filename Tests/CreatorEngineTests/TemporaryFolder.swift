import Foundation
import TestScratch

/// A fresh folder inside the test process's scratch folder (`TestScratch`), removed when
/// dropped (or, for a fixture kept for the whole process, when the process exits).
final class TemporaryFolder {
    let path: String

    init(_ label: String = "creators-test") {
        path = TestScratch.folder(label)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let target = file(name)
        _ = FileManager.default.createFile(atPath: target, contents: Data(text.utf8))
        return target
    }
}
