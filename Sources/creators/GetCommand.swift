import ArgumentParser
import CreatorEngine
import Foundation

struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one creator's stored profile by id (tiktok:6812345) or @handle."
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: "An id, or @handle (case-insensitive; several creators may share one across platforms).")
    var creator: String

    func run() throws {
        let index = try location.open()
        let documents = index.resolve(creator)
        guard !documents.isEmpty else {
            throw CommandFailure("no creator with id or handle '\(creator)' in \(index.file.path)")
        }
        for document in documents {
            print(String(decoding: try index.storedJSON(of: document), as: UTF8.self))
        }
    }
}
