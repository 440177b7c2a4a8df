import Foundation
@testable import CreatorEngine

/// The bundled sample corpus (`corpora/sample`, 5,000 creators) built into a temporary
/// index, with a searcher and a brief matcher over it: what `creators match` sees with the
/// default `./index`. Built once and shared by the golden tests.
final class SampleMatchingFixture: @unchecked Sendable {
    // Immutable after init; the folder keeps the index files alive.
    let folder: TemporaryFolder
    let index: CreatorIndex
    let searcher: Searcher
    let matcher: BriefMatcher

    static let shared = Result { try SampleMatchingFixture() }

    static let sampleDump = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora/sample/creators-5000-seed42.jsonl.gz").path

    init() throws {
        folder = TemporaryFolder("creators-match-sample")
        let directory = IndexDirectory(path: folder.file("index"))
        _ = try IndexBuild.run(BuildOptions(paths: [Self.sampleDump], directory: directory))
        index = try CreatorIndex(directory: directory)
        searcher = Searcher(index: index)
        matcher = BriefMatcher(searcher: searcher)
    }

    func match(_ json: String) throws -> Shortlist { try matcher.match(try Brief.parse(Array(json.utf8))) }

    /// The creator's categories (index facet), for assertions on niche.
    func categories(of document: Int) -> [String] {
        LookalikeEncoding.taxonomy.filter { index.facet(.category).documents(for: $0).contains(UInt32(document)) }
    }

    func languages(of document: Int) -> [String] {
        index.facet(.language).counts.map(\.key).filter { index.facet(.language).documents(for: $0).contains(UInt32(document)) }
    }
}
