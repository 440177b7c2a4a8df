import Foundation
import TestScratch

/// Runs the built `creators` executable, as a user would.
struct CreatorsProcess {
    /// The executable beside the test bundle (`swift test` builds it: this target depends on it).
    static var executable: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("creators").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return ".build/debug/creators"
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func start(_ arguments: [String], in directory: String? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
        let (process, out, err) = try start(arguments, in: directory)
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh folder, removed when dropped.
final class Scratch {
    let path = TestScratch.folder("creators-cli")
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }

    /// A dump of `count` valid profiles, with `bad` malformed lines at known line numbers.
    func dump(_ name: String, count: Int, badEvery: Int = 0) -> (path: String, badLines: [Int]) {
        var lines: [String] = []
        var bad: [Int] = []
        for index in 0..<count {
            if badEvery > 0, index % badEvery == badEvery - 1 {
                lines.append(#"{"id":"bad:\#(index)","platform":"tiktok","handle":"x","followers":-1}"#)
                bad.append(lines.count)
            }
            let caption = "Clean skincare routine 护肤 スキンケア ครีมกันแดด #skincare post \(index)"
            lines.append(#"{"id":"t:\#(index)","platform":"tiktok","handle":"user\#(index)","bio":"Creator \#(index) 🌿 café","followers":\#(1000 + index * 13),"country":"US","categories":["beauty"],"avg_likes":120,"avg_comments":8,"avg_views":3000,"updated_at":"2026-11-01","recent_posts":[\#((0..<10).map { _ in "{\"caption\":\"\(caption)\"}" }.joined(separator: ","))]}"#)
        }
        let path = file(name)
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return (path, bad)
    }
}
