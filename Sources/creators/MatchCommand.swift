import ArgumentParser
import CreatorEngine
import Foundation

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Turn a product brief (JSON) into a ranked, explained, overlap-aware shortlist (see docs/matching.md).",
        discussion: """
            Example: creators match corpora/briefs/en-vitamin-c-serum.json
                     echo '{"product": "敏感肌维C精华", "count": 10}' | creators match -
            A brief that is not valid (bad JSON, a field of the wrong type or out of range, an
            unknown field) prints the error naming the field and exits with code 2.
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: "The brief's JSON file, or - to read it from standard input.")
    var brief: String

    @Flag(name: .long, help: "Print the JSON document the server's MATCH returns.")
    var json = false

    func run() throws {
        let bytes: [UInt8]
        if brief == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: brief) else { throw CommandFailure("cannot read the brief \(brief)") }
            bytes = Array(data)
        }
        let parsed: Brief
        do {
            parsed = try Brief.parse(bytes)
        } catch {
            Terminal.status(error.description)
            throw ExitCode(2)
        }
        // One brief: sorting whole columns for it would cost more than it saves.
        let matcher = BriefMatcher(searcher: Searcher(index: try location.open(), valueOrders: .onRequest))
        let shortlist: Shortlist
        do {
            shortlist = try matcher.match(parsed)
        } catch let error as QueryError {
            Terminal.status(error.description)
            throw ExitCode(1)
        }
        if json {
            print(String(decoding: shortlist.json, as: UTF8.self))
        } else {
            print(shortlist.text, terminator: "")
        }
    }
}
