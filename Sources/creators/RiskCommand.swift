import ArgumentParser
import CreatorEngine
import Foundation

struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Explain one creator's fraud risk: level, score, and each flag with its evidence and peer figures.",
        discussion: """
            Every creator is judged at index time on eleven rules (docs/risk.md): bought followers, low \
            engagement, suspicious engagement, low credibility, audience mismatch, follow-for-follow, ghosted \
            brands, disputes, late delivery, blacklisting and stale data. Missing data never raises a flag.
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: "An id, or @handle (case-insensitive; several creators may share one across platforms).")
    var creator: String

    @Flag(name: .long, help: "Print the report as JSON (one object per creator, one per line).")
    var json = false

    func run() throws {
        let index = try location.open()
        let documents = index.resolve(creator)
        guard !documents.isEmpty else {
            throw CommandFailure(CreatorIndex.unknownCreatorMessage(creator) + " in \(index.file.path)")
        }
        for (position, document) in documents.enumerated() {
            let report = index.risk.report(of: document)
            if json {
                print(String(decoding: index.riskDocument(of: document), as: UTF8.self))
            } else {
                if position > 0 { print("") }
                print("\(index.id(of: document)) @\(index.handle(of: document))")
                print(report.text)
            }
        }
    }
}
