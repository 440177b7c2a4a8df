import ArgumentParser
import CreatorEngine
import Foundation

struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one creator's stored profile by id (tiktok:6812345) or @handle, with its risk level and flags.",
        discussion: "The profile's JSON gains a \"risk\" object: level, score and flags (creators risk explains them)."
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
            print(String(decoding: withRisk(try index.storedJSON(of: document), index.risk, document), as: UTF8.self))
        }
    }

    /// The stored JSON object with `"risk": {"level", "score", "flags"}` added as its last member.
    func withRisk(_ stored: [UInt8], _ risk: RiskReader, _ document: Int) -> [UInt8] {
        guard stored.last == UInt8(ascii: "}") else { return stored }
        var summary = JSONWriter()
        summary.beginObject()
        summary.key("level"); summary.value(risk.level(of: document).rawValue)
        summary.key("score"); summary.value(risk.score(of: document))
        summary.field("flags", risk.flags(of: document).flags.map(\.rawValue))
        summary.endObject()
        return stored.dropLast() + Array(#","risk":"#.utf8) + summary.bytes + [UInt8(ascii: "}")]
    }
}
