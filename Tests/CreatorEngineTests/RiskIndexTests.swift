import CorpusGenerator
import Foundation
import Testing
@testable import CreatorEngine

/// Risk sections of built indexes: peer statistics against a brute-force computation,
/// stored verdicts against a fresh assessment, and the evaluation on the bundled sample.
@Suite("Risk in built indexes")
struct RiskIndexTests {
    /// A generated corpus of 1,500 creators (seed 5), built once for the suite.
    // @unchecked: every property is set once in `init` and only read after.
    final class Built: @unchecked Sendable {
        let folder = TemporaryFolder("creators-risk")
        let index: CreatorIndex
        let labels: RiskLabels

        init() {
            do {
                var options = GeneratorOptions(count: 1_500, seed: 5)
                options.postsPerCreator = 6
                options.maxSampleSize = 50
                options.fraudRate = 0.15
                let generated = try CorpusGenerator.generateInMemory(options)
                let dump = folder.file("dump.jsonl")
                FileManager.default.createFile(atPath: dump, contents: Data(generated.dump))
                _ = try IndexBuild.run(BuildOptions(paths: [dump], directory: IndexDirectory(path: folder.file("index"))))
                index = try CreatorIndex(directory: IndexDirectory(path: folder.file("index")))
                labels = try RiskLabels(jsonLines: Data(generated.labels))
            } catch {
                fatalError("could not build the risk test corpus: \(error)")
            }
        }
    }

    static let built = Built()

    @Test("peer statistics per platform × tier and per platform equal a brute-force computation over the index")
    func peerStatistics() throws {
        let index = Self.built.index
        let risk = index.risk
        let peers = risk.peers
        var byGroup: [Int: [PeerMetric: [Double]]] = [:]
        for document in 0..<index.documentCount {
            let features = risk.features(of: document)
            let platform = features.signals.platform
            let line = peers.line(for: platform)
            for group in [0, PeerTable.platformGroup(platform), PeerTable.tierGroup(platform, features.tier)] {
                for metric in PeerMetric.allCases {
                    if let value = metric.value(of: features, line: line), value.isFinite {
                        byGroup[group, default: [:]][metric, default: []].append(Double(Float(value)))
                    }
                }
            }
        }
        var compared = 0
        for (group, metrics) in byGroup {
            for (metric, values) in metrics {
                let stored = try #require(peers.groups[group].statistics[metric.rawValue], "\(group) \(metric)")
                let expected = PeerStatistics(sorted: values.sorted())
                #expect(stored.count == expected.count)
                #expect(abs(stored.median - expected.median) < 1e-9, "\(peers.groups[group].description) \(metric.name)")
                #expect(abs(stored.spread - expected.spread) < 1e-9)
                compared += 1
            }
        }
        #expect(compared > 50)
        // Credibility peers are the creators' own credibility column (kept at f32 precision).
        let credibility = index.column(.credibility).filter { !$0.isNaN }.sorted()
        #expect(abs((peers.groups[0].statistics[PeerMetric.credibility.rawValue]?.median ?? .nan)
            - RobustStatistics.median(sorted: credibility)) < 1e-6)
    }

    @Test("the as-of day is the newest updated_at, and every creator's group is its platform and tier")
    func asOfAndGroups() {
        let index = Self.built.index
        let newest = index.column(.updatedAt).filter { !$0.isNaN }.max().map { Timestamp(secondsSinceEpoch: Int64($0)).day }
        #expect(index.risk.peers.asOfDay == newest)
        for document in 0..<index.documentCount {
            let features = index.risk.features(of: document)
            let group = index.risk.peers.groups[Int(features.signals.peerGroup)]
            #expect(group.platform == features.signals.platform && group.tier == features.tier)
        }
    }

    @Test("stored flags, levels, scores and lists agree with a fresh assessment of every creator")
    func storedVerdicts() {
        let risk = Self.built.index.risk
        let count = Self.built.index.documentCount
        var levels = Set<UInt32>()
        for level in RiskLevel.allCases {
            let documents = risk.documents(at: level).array
            #expect(documents == documents.sorted() && Set(documents).count == documents.count)
            #expect(documents.allSatisfy { risk.level(of: Int($0)) == level })
            levels.formUnion(documents)
        }
        #expect(levels.count == count)
        var flaggedAny = 0
        for flag in RiskFlag.allCases {
            let documents = risk.documents(flagged: flag).array
            #expect(documents == documents.sorted())
            #expect(documents == (0..<count).filter { risk.flags(of: $0).contains(flag) }.map(UInt32.init))
            flaggedAny += documents.isEmpty ? 0 : 1
        }
        #expect(flaggedAny == RiskFlag.allCases.count, "every flag should occur in a corpus with 15% fraud")
        for document in 0..<count {
            let assessment = risk.assessment(of: document)
            #expect(assessment.flags == risk.flags(of: document))
            #expect(assessment.level == risk.level(of: document))
            #expect(assessment.score == risk.score(of: document))
            #expect((assessment.score == 0) == assessment.flags.isEmpty)
        }
    }

    @Test("a report names each raised flag with its evidence, in text and in JSON")
    func report() throws {
        let index = Self.built.index
        let risk = index.risk
        var checked = 0
        for flag in RiskFlag.allCases {
            guard let document = risk.documents(flagged: flag).array.first.map(Int.init) else { continue }
            let report = risk.report(of: document)
            #expect(report.flags == risk.flags(of: document))
            #expect(report.text.contains("\(flag.title): "))
            #expect(report.text.hasPrefix("Risk: \(risk.level(of: document).rawValue)"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json)) as? [String: Any])
            #expect(object["level"] as? String == risk.level(of: document).rawValue)
            let checks = try #require(object["checks"] as? [[String: Any]])
            #expect(checks.count == RiskFlag.allCases.count)
            let raised = checks.filter { $0["status"] as? String == "raised" }.compactMap { $0["flag"] as? String }
            #expect(Set(raised) == Set(risk.flags(of: document).flags.map(\.rawValue)))
            let check = try #require(checks.first { $0["flag"] as? String == flag.rawValue })
            #expect((check["evidence"] as? [String: Any])?.isEmpty == false || flag == .blacklisted, "\(flag)")
            if [.lowEngagement, .lowCredibility].contains(flag) {
                let peers = try #require(check["peers"] as? [[String: Any]])
                #expect(peers.first?["typical"] is Double || peers.first?["typical"] is Int)
            }
            if flag == .blacklisted {
                #expect((check["evidence"] as? [String: Any])?["source"] is String)
                #expect(risk.blacklisting(of: document) != nil)
            }
            checked += 1
        }
        #expect(checked == RiskFlag.allCases.count)
    }

    @Test("on a generated corpus with 15% fraud, precision and recall are both above 0.9")
    func generatedEvaluation() {
        let evaluation = RiskEvaluation(index: Self.built.index, labels: Self.built.labels)
        #expect(evaluation.labelledMissing == 0)
        #expect(evaluation.overall.precision >= 0.9, "\(evaluation.text)")
        #expect(evaluation.overall.recall >= 0.9, "\(evaluation.text)")
    }

    @Test("the bundled sample: overall precision ≥ 0.95 and recall ≥ 0.95, every flag's F1 ≥ 0.9")
    func bundledSampleEvaluation() throws {
        let folder = TemporaryFolder()
        _ = try IndexBuild.run(BuildOptions(paths: [GeneratedCorpusBuildTests.sampleDump],
                                            directory: IndexDirectory(path: folder.file("index"))))
        let index = try CreatorIndex(directory: IndexDirectory(path: folder.file("index")))
        let labelsPath = URL(fileURLWithPath: GeneratedCorpusBuildTests.sampleDump).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("creators-5000-seed42.labels.jsonl").path
        let evaluation = RiskEvaluation(index: index, labels: try RiskLabels(contentsOfFile: labelsPath))
        #expect(evaluation.labelledFound == 5_000)
        #expect(evaluation.overall.precision >= 0.95, "\(evaluation.text)")
        #expect(evaluation.overall.recall >= 0.95, "\(evaluation.text)")
        for flag in RiskFlag.allCases {
            #expect(evaluation.perFlag[flag.position].f1 >= 0.9, "\(flag): \(evaluation.text)")
        }
    }

    @Test("evaluation arithmetic: creators absent from the labels count as clean; missing labelled creators are counted apart")
    func evaluationCounts() throws {
        let index = Self.built.index
        let first = index.id(of: 0)
        let flagged = index.risk.flags(of: 0)
        // Label creator 0 with exactly its flags plus one it lacks; label a creator that is not indexed.
        let missing = RiskFlag.allCases.first { !flagged.contains($0) } ?? .staleData
        let labels = RiskLabels(kinds: [first: flagged.union(RiskFlags(missing)), "nobody:1": [.blacklisted]])
        let evaluation = RiskEvaluation(index: index, labels: labels)
        #expect(evaluation.labelledFound == 1 && evaluation.labelledMissing == 1)
        #expect(evaluation.perFlag[missing.position].falseNegatives == 1)
        #expect(evaluation.overall.truePositives == flagged.flags.count)
        let allFlags = (0..<index.documentCount).reduce(0) { $0 + index.risk.flags(of: $1).flags.count }
        #expect(evaluation.overall.falsePositives == allFlags - flagged.flags.count)
        let lines = #"{"id":"a","line":1,"fraud":["bought_followers","made_up"]}"# + "\n" + #"{"malformed_line":3}"# + "\n"
        let text = try RiskLabels(jsonLines: Data(lines.utf8))
        #expect(text.kinds["a"] == [.boughtFollowers] && text.unknownKinds == ["made_up": 1])
    }

    @Test("an index written by the previous layout is refused as incompatible, asking for a rebuild")
    func olderLayout() throws {
        let folder = TemporaryFolder()
        let source = try IndexDirectory(path: Self.built.folder.file("index")).currentIndexPath()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        withUnsafeBytes(of: UInt32(1).littleEndian) { bytes.replaceSubrange(8..<12, with: $0) }
        withUnsafeBytes(of: Checksum.crc32(Array(bytes[0..<60])).littleEndian) { bytes.replaceSubrange(60..<64, with: $0) }
        let path = folder.file("old.cidx")
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect {
            _ = try CreatorIndex(path: path)
        } throws: { error in
            guard case .incompatible = error as? IndexError else { return false }
            return "\(error)".contains("rebuild")
        }
    }
}
