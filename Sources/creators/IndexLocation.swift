import ArgumentParser
import CreatorEngine
import Foundation

/// `--index DIR`, shared by every command that reads an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .long, help: "Index folder (default: ./index, built from ./corpora/sample on first use).")
    var index: String?

    static let defaultDirectory = "index"
    static let sampleCorpus = "corpora/sample"

    var directory: IndexDirectory { IndexDirectory(path: index ?? Self.defaultDirectory) }

    /// Opens the current index; with the default folder and no index yet (or one written
    /// by an older version of the engine), builds it from the bundled sample first (with
    /// progress on stderr).
    func open() throws -> CreatorIndex {
        let directory = self.directory
        let usesSample = index == nil && FileManager.default.fileExists(atPath: Self.sampleCorpus)
        if usesSample, !directory.hasCurrentIndex {
            try buildSample(into: directory, because: "No index in ./\(Self.defaultDirectory) yet")
        }
        do {
            return try CreatorIndex(directory: directory)
        } catch IndexError.incompatible(let detail) where usesSample {
            try buildSample(into: directory, because: "The index in ./\(Self.defaultDirectory) has an older layout (\(detail))")
            do { return try CreatorIndex(directory: directory) } catch let error as IndexError { throw CommandFailure(error.description) }
        } catch let error as IndexError {
            throw CommandFailure(error.description)
        }
    }

    private func buildSample(into directory: IndexDirectory, because reason: String) throws {
        Terminal.status("\(reason): building it from \(Self.sampleCorpus).")
        let summary = try IndexBuild.run(BuildOptions(paths: [Self.sampleCorpus], directory: directory,
                                                      progress: Terminal.progressReporter()))
        Terminal.status(Terminal.describe(summary))
    }
}
