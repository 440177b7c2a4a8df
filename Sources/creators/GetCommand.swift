import ArgumentParser
import CreatorEngine
import Foundation

struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one creator's stored profile by id (tiktok:6812345) or @handle, with its risk report.",
        discussion: "The profile's JSON gains a \"risk\" object: level, score, flags and their evidence (the server's GET document)."
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: "An id, or @handle (case-insensitive; several creators may share one across platforms).")
    var creator: String

    func run() throws {
        let index = try location.open()
        let documents = index.resolve(creator)
        guard !documents.isEmpty else {
            throw CommandFailure(CreatorIndex.unknownCreatorMessage(creator) + " in \(index.file.path)")
        }
        for document in documents {
            print(String(decoding: try index.profileDocument(of: document), as: UTF8.self))
        }
    }
}
