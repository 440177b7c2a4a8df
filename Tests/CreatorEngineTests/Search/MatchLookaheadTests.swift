import Testing
@testable import CreatorEngine

/// The ranking's lookahead gives back every match once, in the order it came, whether it
/// holds matches back (sparse matches) or not (dense ones).
@Suite("Match lookahead")
struct MatchLookaheadTests {
    @Test("every match leaves once, in order", arguments: [0, 1, 15, 16, 17, 100, 1000] as [Int])
    func order(count: Int) {
        var random = SplitMixRandom(seed: UInt64(count) + 1)
        let matches = (0..<count).map { _ in UInt32.random(in: 0..<1_000_000, using: &random) }
        for (documents, holdsBack) in [(1_000_000, true), (count * 2, false)] {
            var lookahead = MatchLookahead(matches: count, of: documents)
            #expect(lookahead.prefetches == holdsBack)
            var out: [UInt32] = []
            for (pushed, match) in matches.enumerated() {
                if let due = lookahead.push(match) { out.append(due) }
                // Never more than `depth` held back.
                #expect(pushed + 1 - out.count <= (holdsBack ? MatchLookahead.depth : 0))
            }
            #expect(out.count == (holdsBack ? max(0, count - MatchLookahead.depth) : count))
            while let due = lookahead.pop() { out.append(due) }
            #expect(out == matches)
            #expect(lookahead.pop() == nil)
        }
    }

    @Test("sparse means under one match in sixteen documents")
    func sparseShare() {
        #expect(MatchLookahead(matches: 62, of: 1000).prefetches)
        #expect(!MatchLookahead(matches: 63, of: 1000).prefetches)
        #expect(!MatchLookahead(matches: 0, of: 0).prefetches)
    }
}
