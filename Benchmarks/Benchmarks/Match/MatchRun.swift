import Benchmark
import BenchmarkSupport
import CreatorEngine
import Foundation

/// The briefs of the Match suite, matched in turn by one `BriefMatcher`, one brief per
/// iteration, with each brief's time kept for the report.
///
/// The briefs are made from the index itself, deterministically: for each of `count`
/// creators spread over the index, a product text of up to 8 words of its bio (so in its
/// language and script), one of its hashtags as a keyword, and, by turns, its country as the
/// creator country and its audience's country and gender as the target, a tier, a budget,
/// `max_risk`, `count` 10–50; diversification stays on (the default) for 4 briefs in 5.
/// The example briefs of `corpora/briefs` are added. Every brief runs once in setup (warm-up).
/// Not thread-safe: package-benchmark runs iterations on one thread.
final class MatchRun {
    let corpusName: String
    let briefs: [Brief]
    private(set) var milliseconds: [[Double]]
    private let matcher: BriefMatcher
    private var next = 0

    init(corpusName: String, index: CreatorIndex, count: Int) throws {
        self.corpusName = corpusName
        let searcher = Searcher(index: index)
        // Timed briefs see the steady state of a server: the value orders made.
        searcher.prepareValueOrders()
        matcher = BriefMatcher(searcher: searcher)
        var briefs: [Brief] = []
        let step = max(1, index.documentCount / count)
        for (position, document) in Swift.stride(from: step / 2, to: index.documentCount, by: step).prefix(count).enumerated() {
            guard let brief = Self.brief(from: document, position: position, index: index) else { continue }
            briefs.append(brief)
        }
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora/briefs")
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? [] where file.hasSuffix(".json") {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) {
                briefs.append(try Brief.parse(Array(data)))
            }
        }
        self.briefs = briefs
        for brief in briefs { _ = try matcher.match(brief) }
        milliseconds = Array(repeating: [], count: briefs.count)
    }

    static func brief(from document: Int, position: Int, index: CreatorIndex) -> Brief? {
        guard let json = try? index.storedJSON(of: document),
              let profile = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return nil }
        let bio = (profile["bio"] as? String) ?? (profile["name"] as? String) ?? ""
        let words = bio.split(whereSeparator: \.isWhitespace).prefix(8).joined(separator: " ")
        var brief = Brief(product: words.isEmpty ? "creator" : words)
        if let tags = profile["hashtags"] as? [String], let first = tags.first { brief.keywords = [first] }
        if position % 2 == 0, let country = profile["country"] as? String { brief.creatorCountries = [country] }
        if position % 3 == 0, let audience = profile["audience"] as? [String: Any] {
            if let countries = audience["countries"] as? [String: Double], let top = countries.max(by: { $0.value < $1.value }) {
                brief.audience.countries = [top.key: 1]
            }
            if let genders = audience["genders"] as? [String: Double] { brief.audience.genders = genders }
        }
        if position % 4 == 1 { brief.tiers = [[Tier.micro, .mid], [.nano, .micro], [.mid, .macro]][position % 3] }
        if position % 5 == 2 { brief.budget = Brief.Budget(total: 20_000, maxPerCreator: 3_000) }
        if position % 7 == 3 { brief.maxRisk = .low }
        brief.count = [10, 20, 20, 30, 50][position % 5]
        if position % 5 == 4 { brief.diversify = nil }
        return brief
    }

    /// Matches the next brief (round-robin) and records how long it took.
    func runNext() {
        guard !briefs.isEmpty else { return }
        let position = next % briefs.count
        next += 1
        let clock = ContinuousClock()
        let start = clock.now
        let shortlist: Shortlist
        do { shortlist = try matcher.match(briefs[position]) } catch {
            fatalError("brief \(position) matched in the warm-up but failed now: \(error)")
        }
        let elapsed = clock.now - start
        milliseconds[position].append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        blackHole(shortlist.entries.count)
    }

    /// The report: briefs per second, p50/p90/p99 per brief, the slowest briefs.
    func report() {
        let all = milliseconds.flatMap { $0 }
        guard let p50 = Percentiles.nearestRank(all, 0.5), let p90 = Percentiles.nearestRank(all, 0.9),
              let p99 = Percentiles.nearestRank(all, 0.99) else { return }
        let total = all.reduce(0, +)
        Report.line("Match/\(corpusName): \(briefs.count) briefs, \(all.count) runs, \(Report.fixed(Double(all.count) / (total / 1000), 1)) briefs/s on one thread, p50 \(Report.fixed(p50, 2)) ms, p90 \(Report.fixed(p90, 2)) ms, p99 \(Report.fixed(p99, 2)) ms, max \(Report.fixed(all.max() ?? 0, 2)) ms")
        let slowest = milliseconds.enumerated().map { ($0.offset, $0.element.sorted()[$0.element.count / 2]) }
            .sorted { $0.1 > $1.1 }.prefix(3)
        for (position, median) in slowest {
            Report.line("  slow: \(Report.fixed(median, 2)) ms median: \(String(briefs[position].product.prefix(60))) (count \(briefs[position].count))")
        }
    }
}
