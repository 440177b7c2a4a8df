import CorpusGenerator
import Foundation

/// A generated corpus read back for tests: its physical lines, parsed profiles, and labels.
/// Immutable after `init` (hence safe to share between tests running in parallel).
struct GeneratedCorpus: @unchecked Sendable {
    let dump: [UInt8]
    let lines: [[UInt8]]
    /// Each line parsed with `JSONSerialization` (nil when it is not a JSON object).
    let parsed: [[String: Any]?]
    let creatorLabels: [CreatorLabel]
    /// Physical 1-based line → reason.
    let malformed: [Int: String]
    let duplicates: [DuplicateLabel]
    let summary: GenerationSummary

    struct CreatorLabel: Sendable {
        let id: String
        let line: Int
        let fraud: [String]
        let twinOf: String?
    }

    struct DuplicateLabel: Sendable {
        let id: String
        let line: Int
        let winnerLine: Int
    }

    /// The shared test corpus: 2,000 creators, seed 42, default rates.
    static let standard: GeneratedCorpus = make(GeneratorOptions(count: 2_000, seed: 42))

    /// A larger corpus with more fraud, malformed lines and duplicates, for pattern tests.
    static let dirty: GeneratedCorpus = {
        var options = GeneratorOptions(count: 3_000, seed: 7)
        options.fraudRate = 0.4
        options.malformedRate = 0.05
        options.duplicateRate = 0.05
        options.postsPerCreator = 8
        return make(options)
    }()

    static func make(_ options: GeneratorOptions) -> GeneratedCorpus {
        do {
            let (dump, labels, summary) = try CorpusGenerator.generateInMemory(options)
            return GeneratedCorpus(dump: dump, labels: labels, summary: summary)
        } catch {
            fatalError("generation failed: \(error)")
        }
    }

    init(dump: [UInt8], labels: [UInt8], summary: GenerationSummary) {
        self.dump = dump
        self.summary = summary
        var lines = dump.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
        parsed = lines.map { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        var creators: [CreatorLabel] = []
        var malformed: [Int: String] = [:]
        var duplicates: [DuplicateLabel] = []
        for line in labels.split(separator: 0x0A) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                fatalError("labels line is not a JSON object: \(String(decoding: line, as: UTF8.self))")
            }
            if let number = object["malformed_line"] as? Int, let reason = object["reason"] as? String {
                malformed[number] = reason
            } else if let id = object["duplicate_id"] as? String, let number = object["line"] as? Int,
                      let winner = object["winner_line"] as? Int {
                duplicates.append(DuplicateLabel(id: id, line: number, winnerLine: winner))
            } else if let id = object["id"] as? String, let number = object["line"] as? Int,
                      let fraud = object["fraud"] as? [String] {
                creators.append(CreatorLabel(id: id, line: number, fraud: fraud, twinOf: object["twin_of"] as? String))
            } else {
                fatalError("unknown labels record: \(object)")
            }
        }
        creatorLabels = creators
        self.malformed = malformed
        self.duplicates = duplicates
    }

    /// The profile on physical line `number` (1-based), parsed.
    func profile(line number: Int) -> [String: Any]? {
        parsed[number - 1]
    }

    /// Every creator's winning profile with its label.
    var creators: [(label: CreatorLabel, profile: [String: Any])] {
        creatorLabels.compactMap { label in profile(line: label.line).map { (label, $0) } }
    }
}

/// Small helpers for reading parsed profiles.
extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func string(_ key: String) -> String? { self[key] as? String }
}

/// The shared corpora by name (test arguments print their names, not their bytes).
enum CorpusName: String, CaseIterable, Sendable {
    case standard, dirty

    var corpus: GeneratedCorpus {
        switch self {
        case .standard: GeneratedCorpus.standard
        case .dirty: GeneratedCorpus.dirty
        }
    }
}
