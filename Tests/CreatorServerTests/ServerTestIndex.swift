import CorpusGenerator
import CreatorEngine
import Foundation
@testable import CreatorServer
import TestScratch

/// A small generated corpus built once per test process into its own folder, plus helpers
/// to build further generations into a folder (for RELOAD).
enum ServerTestIndex {
    /// Creators in the test corpus.
    static let creatorCount = 2000

    /// The folder holding the shared test index (built on first use).
    static let directory: IndexDirectory = {
        let folder = TestScratch.folder("creators-server-tests")
        let directory = IndexDirectory(path: folder + "/index")
        // A failed build shows up as a test failure when the index is opened.
        try? build(into: directory, seed: 7)
        return directory
    }()

    /// Writes a generated dump of `count` creators and builds a new generation from it.
    static func build(into directory: IndexDirectory, seed: UInt64, count: Int = creatorCount) throws {
        var options = GeneratorOptions(count: count, seed: seed)
        options.postsPerCreator = 4
        options.threads = 1
        let generated = try CorpusGenerator.generateInMemory(options)
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let dump = directory.path + "/../dump-\(seed)-\(count).jsonl"
        _ = FileManager.default.createFile(atPath: dump, contents: Data(generated.dump))
        _ = try IndexBuild.run(BuildOptions(paths: [dump], directory: directory))
    }

    /// A command service over the shared index.
    static func service(limits: ServerLimits = .default, password: String? = nil,
                        directory: IndexDirectory = ServerTestIndex.directory) throws -> CommandService {
        let configuration = ServerConfiguration(port: 0, password: password, indexDirectory: directory, limits: limits)
        let holder = try IndexHolder(directory: directory, queryTimeLimit: limits.queryTimeLimit,
                                     documentCacheBytes: limits.documentCacheBytes)
        return CommandService(holder: holder, configuration: configuration, statistics: ServerStatistics())
    }
}

extension CommandReply {
    /// The JSON object of a bulk reply.
    var jsonObject: [String: Any]? {
        guard case .bulk(let bytes) = self else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
