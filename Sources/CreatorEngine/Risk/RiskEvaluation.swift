import Foundation

/// Precision, recall and F1 of the index's risk flags against ground-truth labels, per
/// flag and overall (micro-averaged over every creator × flag pair). Creators are matched
/// by id; an indexed creator absent from the labels counts as clean, and a labelled
/// creator absent from the index is counted apart (it cannot be judged).
public struct RiskEvaluation: Sendable {
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        /// Flagged creators that are labelled; NaN when nothing was flagged.
        public var precision: Double { Double(truePositives) / Double(truePositives + falsePositives) }
        /// Labelled creators that are flagged; NaN when nothing is labelled.
        public var recall: Double { Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { 2 * precision * recall / (precision + recall) }
        /// Creators labelled with the flag.
        public var labelled: Int { truePositives + falseNegatives }
        /// Creators flagged.
        public var flagged: Int { truePositives + falsePositives }

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.truePositives += rhs.truePositives
            lhs.falsePositives += rhs.falsePositives
            lhs.falseNegatives += rhs.falseNegatives
        }
    }

    /// By `RiskFlag.position`.
    public var perFlag: [Counts]
    public var overall: Counts
    /// Creators judged (all the index's creators).
    public var creators: Int
    /// Labelled creators found in the index / not found.
    public var labelledFound: Int
    public var labelledMissing: Int
    public var unknownKinds: [String: Int]

    public init(index: CreatorIndex, labels: RiskLabels) {
        perFlag = Array(repeating: Counts(), count: RiskFlag.allCases.count)
        overall = Counts()
        creators = index.documentCount
        labelledFound = 0
        unknownKinds = labels.unknownKinds
        let risk = index.risk
        for document in 0..<index.documentCount {
            let truth = labels.kinds[index.id(of: document)]
            if truth != nil { labelledFound += 1 }
            let expected = truth ?? []
            let flagged = risk.flags(of: document)
            for flag in RiskFlag.allCases {
                let isExpected = expected.contains(flag), isFlagged = flagged.contains(flag)
                if isExpected && isFlagged { perFlag[flag.position].truePositives += 1 }
                else if isFlagged { perFlag[flag.position].falsePositives += 1 }
                else if isExpected { perFlag[flag.position].falseNegatives += 1 }
            }
        }
        labelledMissing = labels.kinds.count - labelledFound
        for counts in perFlag { overall += counts }
    }

    static func figure(_ value: Double) -> String { value.isNaN ? "  n/a" : String(format: "%.3f", value) }

    /// A table: flag, labelled, flagged, TP, FP, FN, precision, recall, F1.
    public var text: String {
        var lines: [String] = []
        let header = "flag".padding(toLength: 20, withPad: " ", startingAt: 0)
            + ["labelled", "flagged", "TP", "FP", "FN", "precision", "recall", "F1"].map { $0.leftPadded(9) }.joined()
        lines.append(header)
        func row(_ name: String, _ counts: Counts) -> String {
            name.padding(toLength: 20, withPad: " ", startingAt: 0)
                + [counts.labelled, counts.flagged, counts.truePositives, counts.falsePositives, counts.falseNegatives]
                    .map { String($0).leftPadded(9) }.joined()
                + [counts.precision, counts.recall, counts.f1].map { Self.figure($0).leftPadded(9) }.joined()
        }
        for flag in RiskFlag.allCases { lines.append(row(flag.rawValue, perFlag[flag.position])) }
        lines.append(row("overall", overall))
        lines.append("\(creators) creators judged; \(labelledFound) labelled creators found in the index"
            + (labelledMissing > 0 ? ", \(labelledMissing) labelled creators missing from it" : "")
            + "; creators absent from the labels count as clean.")
        if !unknownKinds.isEmpty {
            lines.append("Ignored label kinds: " + unknownKinds.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        var json = JSONWriter()
        func counts(_ value: Counts) {
            json.beginObject()
            json.key("labelled"); json.value(value.labelled)
            json.key("flagged"); json.value(value.flagged)
            json.key("true_positives"); json.value(value.truePositives)
            json.key("false_positives"); json.value(value.falsePositives)
            json.key("false_negatives"); json.value(value.falseNegatives)
            json.key("precision"); json.value(value.precision)
            json.key("recall"); json.value(value.recall)
            json.key("f1"); json.value(value.f1)
            json.endObject()
        }
        json.beginObject()
        json.key("creators"); json.value(creators)
        json.key("labelled_found"); json.value(labelledFound)
        json.key("labelled_missing"); json.value(labelledMissing)
        json.key("flags")
        json.beginObject()
        for flag in RiskFlag.allCases {
            json.key(flag.rawValue)
            counts(perFlag[flag.position])
        }
        json.endObject()
        json.key("overall")
        counts(overall)
        json.endObject()
        return json.string
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
