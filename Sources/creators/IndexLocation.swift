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

    /// Opens the current index; with the default folder and no index yet, builds it from
    /// the bundled sample first (with progress on stderr).
    func open() throws -> CreatorIndex {
        let directory = self.directory
        if index == nil, !directory.hasCurrentIndex, FileManager.default.fileExists(atPath: Self.sampleCorpus) {
            Terminal.status("No index in ./\(Self.defaultDirectory) yet: building it from \(Self.sampleCorpus) (first use).")
            let summary = try IndexBuild.run(BuildOptions(paths: [Self.sampleCorpus], directory: directory,
                                                          progress: Terminal.progressReporter()))
            Terminal.status(Terminal.describe(summary))
        }
        do {
            return try CreatorIndex(directory: directory)
        } catch let error as IndexError {
            throw CommandFailure(error.description)
        }
    }
}
