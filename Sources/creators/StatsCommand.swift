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

    @Flag(name: .long, help: "Also list the index file's sections, largest first, with their share of the file.")
    var sections = false

    func run() throws {
        let index = try location.open()
        if verify {
            do { try index.verify() } catch { throw CommandFailure("\(error)") }
        }
        let stats = IndexStatistics(index: index, top: top)
        print(json ? stats.json : stats.text)
        if verify && !json { print("Checksums: all sections verified.") }
        if sections && !json { print(sectionTable(index.file)) }
    }

    /// One line per section: name, size, share of the file; largest first.
    func sectionTable(_ file: IndexFile) -> String {
        let total = max(1, file.sections.values.reduce(0) { $0 + $1.length })
        let rows = file.sections.values.sorted { ($0.length, $1.name) > ($1.length, $0.name) }.map { section in
            let kib = Double(section.length) / 1024
            let share = Double(section.length) * 100 / Double(total)
            return "  \(section.name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(String(format: "%12.1f KiB %5.1f %%", kib, share))"
        }
        return (["Sections (\(file.sections.count)):"] + rows).joined(separator: "\n")
    }
}
