import ArgumentParser
import CreatorEngine
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Describe the current index: size, build, documents by platform, tier, country, language and category."
    )

    @OptionGroup var location: IndexLocation

    @Flag(name: .long, help: "Also check every checksum in the index file (reads the whole file).")
    var verify = false

    @Flag(name: .long, help: "Print the statistics as JSON.")
    var json = false

    @Option(name: .long, help: "How many keys to list per facet.")
    var top = 10

    func run() throws {
        let index = try location.open()
        if verify {
            do { try index.verify() } catch { throw CommandFailure("\(error)") }
        }
        let stats = IndexStatistics(index: index, top: top)
        print(json ? stats.json : stats.text)
        if verify && !json { print("Checksums: all sections verified.") }
    }
}
