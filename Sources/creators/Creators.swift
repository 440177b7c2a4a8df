import ArgumentParser

@main
struct Creators: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creators",
        abstract: "Creator discovery search engine: build an index from profile dumps and query it.",
        discussion: """
            With no --index, commands use ./index and, on first use, build it from the bundled
            sample corpus in ./corpora/sample.
            """,
        subcommands: [BuildCommand.self, StatsCommand.self, GetCommand.self, SearchCommand.self, RiskCommand.self,
                      EvalRiskCommand.self, GenerateCommand.self, MatchCommand.self, ServeCommand.self]
    )
}
