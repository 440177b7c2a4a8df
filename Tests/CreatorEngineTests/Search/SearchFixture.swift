import CorpusGenerator
import CreatorText
import Foundation
@testable import CreatorEngine

/// A generated corpus built into an index, with every creator's parsed profile and
/// analysed text kept beside it, so that tests can answer queries by brute force.
final class SearchFixture: @unchecked Sendable {
    // Immutable after init; `index` is read-only and thread-safe.
    let folder: TemporaryFolder
    let index: CreatorIndex
    let searcher: Searcher
    /// By document.
    let profiles: [CreatorProfile]
    /// By document: per text field, term → ascending positions.
    let fieldTerms: [[[String: [UInt32]]]]
    /// By document: tokens per text field (BM25's length).
    let fieldLengths: [[UInt32]]
    /// By document: folded categories and hashtags (as the index keys them).
    let categories: [Set<String>]
    let hashtags: [Set<String>]

    /// 2,000 generated creators (seed 5), no malformed or duplicate lines.
    static let generated: Result<SearchFixture, any Error> = Result { try SearchFixture(count: 2_000, seed: 5) }

    convenience init(count: Int, seed: UInt64) throws {
        var options = GeneratorOptions(count: count, seed: seed)
        options.malformedRate = 0
        options.duplicateRate = 0
        options.postsPerCreator = 5
        options.maxSampleSize = 200
        let dump = try CorpusGenerator.generateInMemory(options).dump
        try self.init(dump: String(decoding: dump, as: UTF8.self))
    }

    /// Builds an index from JSONL text (every line must be valid and ids distinct).
    init(dump: String) throws {
        folder = TemporaryFolder("creators-search")
        let path = folder.write("dump.jsonl", dump)
        let directory = IndexDirectory(path: folder.file("index"))
        _ = try IndexBuild.run(BuildOptions(paths: [path], directory: directory, chunkBytes: 256 * 1024))
        index = try CreatorIndex(directory: directory)
        searcher = Searcher(index: index)

        let parser = ProfileParser()
        let analyzer = try DocumentAnalyzer()
        var byID: [String: CreatorProfile] = [:]
        for line in dump.split(separator: "\n") {
            if let profile = parser.parse(String(line)).profile { byID[profile.id] = profile }
        }
        var profiles: [CreatorProfile] = [], fieldTerms: [[[String: [UInt32]]]] = []
        var categories: [Set<String>] = [], hashtags: [Set<String>] = [], fieldLengths: [[UInt32]] = []
        for document in 0..<index.documentCount {
            guard let profile = byID[index.id(of: document)] else { throw IndexError.corrupt("\(index.id(of: document)) not in the dump") }
            let analysed = analyzer.analyze(profile)
            profiles.append(profile)
            fieldTerms.append(analysed.fields.map(\.termPositions))
            fieldLengths.append(analysed.fields.map(\.length))
            categories.append(Set(analysed.categories))
            hashtags.append(Set(analysed.hashtags))
        }
        self.profiles = profiles
        self.fieldTerms = fieldTerms
        self.fieldLengths = fieldLengths
        self.categories = categories
        self.hashtags = hashtags
    }
}

extension FieldTerms {
    /// Term → its positions, decoded from the flat layout.
    var termPositions: [String: [UInt32]] {
        var result: [String: [UInt32]] = [:]
        var termStart = 0, positionStart = 0
        for (termEnd, positionEnd) in zip(termEnds, positionEnds) {
            let term = String(decoding: termBytes[termStart..<Int(termEnd)], as: UTF8.self)
            result[term] = Array(positionValues[positionStart..<Int(positionEnd)])
            termStart = Int(termEnd)
            positionStart = Int(positionEnd)
        }
        return result
    }
}
