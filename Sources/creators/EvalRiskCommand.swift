import ArgumentParser
import CreatorEngine
import Foundation

struct EvalRiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-risk",
        abstract: "Measure the risk flags against ground-truth labels: precision, recall and F1 per flag and overall.",
        discussion: """
            The labels are the generator's labels file (creators generate --labels): one JSON line per creator, \
            {"id": ..., "fraud": [kinds]}. Creators are matched by id; indexed creators absent from the labels \
            count as clean. Overall figures are micro-averaged over every creator × flag pair.
            """
    )

    @OptionGroup var location: IndexLocation

    @Option(name: .long, help: "The labels file (JSON Lines).")
    var labels: String

    @Flag(name: .long, help: "Print the figures as one JSON object.")
    var json = false

    func run() throws {
        let index = try location.open()
        let truth: RiskLabels
        do {
            truth = try RiskLabels(contentsOfFile: labels)
        } catch {
            throw CommandFailure("\(error)")
        }
        let evaluation = RiskEvaluation(index: index, labels: truth)
        print(json ? evaluation.json : evaluation.text)
    }
}
