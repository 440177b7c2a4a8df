import Testing
import CreatorText
@testable import CreatorEngine

/// `FieldTerms` built from the analyser's arena (the build's path) against the token list
/// the build used to make: the same terms, positions and caption hashtags.
struct FieldTermsArenaTests {
    static let fragments = [
        "Fitness", "coach", "café", "İstanbul'da", "l'été", "don’t", "护肤", "護膚", "東京タワーに行きました",
        "ออกกำลังกาย", "Москва", "#fitness", "#Fitness", "#护肤品推荐", "＃ジム", "#café", "#", "##x", "@nike",
        "@ナイキ", "😀", "👍🏽", "#e\u{301}t\u{301}e", "#\u{E31}x", "C#", "email@example.com", "1,000", "!", "。",
    ]

    private static func text(using random: inout SplitMixRandom) -> String {
        (0..<Int.random(in: 0...14, using: &random)).map { _ in fragments.randomElement(using: &random) ?? "" }
            .joined(separator: Bool.random(using: &random) ? " " : "")
    }

    @Test func arenaGroupingMatchesTheTokenList() throws {
        let analyzer = try TextAnalyzer()
        var random = SplitMixRandom(seed: 5)
        var arena = TermArena()
        for _ in 0..<300 {
            arena.removeAll()
            var tokens: [(text: String, position: UInt32)] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let text = Self.text(using: &random)
                let start = tokens.last.map { $0.position + DocumentAnalyzer.positionGap } ?? 0
                for term in analyzer.analyze(text) { tokens.append((term.text, start + UInt32(term.position))) }
                analyzer.analyze(text, appendingTo: &arena, firstPosition: arena.positions.last.map { $0 + DocumentAnalyzer.positionGap } ?? 0)
            }
            let fromArena = FieldTerms(arena: arena)
            #expect(fromArena == FieldTerms(tokens: tokens))
            // The caption hashtags as the token scan found them, deduplicated.
            var seen = Set<String>()
            let scanned = tokens.compactMap { $0.text.hasPrefix("#") && $0.text.count > 1 ? String($0.text.dropFirst()) : nil }
                .filter { seen.insert($0).inserted }
            #expect(DocumentAnalyzer.hashtagBodies(fromArena) == scanned)
        }
    }
}
