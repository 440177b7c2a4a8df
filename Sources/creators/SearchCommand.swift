import ArgumentParser
import CreatorEngine
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search creators with the query language (see docs/query-language.md).",
        discussion: """
            Example: creators search 'category:beauty country:US tier:micro..mid er:>=3% "clean skincare" -risk:high'
            A query that cannot be parsed prints the error with its column and exits with code 2.
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(parsing: .remaining, help: "The query (quote it for the shell; several words are joined with spaces).")
    var query: [String] = []

    @Flag(name: .long, help: "Print the JSON document the server's SEARCH returns.")
    var json = false

    @Flag(name: .long, help: "Show the parse tree, the plan and each hit's score parts.")
    var explain = false

    func run() throws {
        let text = query.joined(separator: " ")
        let searcher = Searcher(index: try location.open())
        do {
            if explain {
                let explanation = try searcher.explain(text)
                print(json ? String(decoding: searcher.json(explanation), as: UTF8.self) : ResultTable.explanation(explanation, searcher: searcher))
            } else {
                let response = try searcher.search(text)
                print(json ? String(decoding: searcher.json(response), as: UTF8.self) : ResultTable.text(response, searcher: searcher))
            }
        } catch {
            Terminal.status(error.description + (error.hint.map { "\nhint: " + $0 } ?? ""))
            throw ExitCode(2)
        }
    }
}
