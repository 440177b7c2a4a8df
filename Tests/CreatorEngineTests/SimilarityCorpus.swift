import CorpusGenerator
import Foundation
@testable import CreatorEngine

/// A generated corpus built into an index, with what the generator knows about it: each
/// document's parsed profile (categories, country, raw follower sample) and its audience twin.
/// Built once and shared by the similarity suites.
// @unchecked: every property is immutable after init; the folder only keeps the files alive.
final class SimilarityCorpus: @unchecked Sendable {
    let index: CreatorIndex
    /// By document.
    let profiles: [CreatorProfile]
    /// Document → its twin's document, both ways.
    let twinOf: [Int: Int]
    private let folder: TemporaryFolder

    static let shared = Result { try SimilarityCorpus(count: 3000, seed: 17) }

    init(count: Int, seed: UInt64) throws {
        var options = GeneratorOptions(count: count, seed: seed)
        options.malformedRate = 0
        options.duplicateRate = 0
        options.twinRate = 0.08
        options.postsPerCreator = 8
        let generated = try CorpusGenerator.generateInMemory(options)
        folder = TemporaryFolder("creators-similarity")
        let dump = folder.file("dump.jsonl")
        try Data(generated.dump).write(to: URL(fileURLWithPath: dump))
        let directory = IndexDirectory(path: folder.file("index"))
        _ = try IndexBuild.run(BuildOptions(paths: [dump], directory: directory, chunkBytes: 256 * 1024))
        index = try CreatorIndex(directory: directory)

        let parser = ProfileParser()
        var profiles = [CreatorProfile?](repeating: nil, count: index.documentCount)
        for line in generated.dump.split(separator: UInt8(ascii: "\n")) {
            guard let profile = parser.parse(String(decoding: line, as: UTF8.self)).profile,
                  let document = index.document(withID: profile.id) else { continue }
            profiles[document] = profile
        }
        self.profiles = profiles.compactMap { $0 }
        guard self.profiles.count == index.documentCount else { throw IndexError.corrupt("profiles do not match the index") }

        var twinOf: [Int: Int] = [:]
        for line in generated.labels.split(separator: UInt8(ascii: "\n")) {
            guard let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = record["id"] as? String, let twin = record["twin_of"] as? String,
                  let document = index.document(withID: id), let other = index.document(withID: twin) else { continue }
            twinOf[document] = other
            twinOf[other] = document
        }
        self.twinOf = twinOf
    }

    /// Exact share of `a`'s sample that is also in `b`'s, from the raw samples.
    func exactContainment(of a: Int, in b: Int) -> Double? {
        guard let first = profiles[a].audience?.sample, let second = profiles[b].audience?.sample,
              !first.isEmpty, !second.isEmpty else { return nil }
        let mine = Set(first)
        return Double(mine.intersection(second).count) / Double(mine.count)
    }
}
