import Testing
@testable import CreatorText

/// The arena entry point (`analyze(_:appendingTo:firstPosition:)`, the index build's path)
/// against `analyze(_:)`, the query side's.
struct TermArenaTests {
    /// The terms of `arena` from `start` on, as `AnalyzedTerm`s.
    private func terms(of arena: TermArena, from start: Int = 0) -> [AnalyzedTerm] {
        (start..<arena.count).map {
            AnalyzedTerm(text: String(decoding: arena.bytes[arena.range(of: $0)], as: UTF8.self),
                         position: Int(arena.positions[$0]))
        }
    }

    @Test func appendingGivesAnalyzeShiftedAndLeavesEarlierTermsAlone() throws {
        // Marked tokens are inserted before their body's terms once the body ends: with
        // terms already in the arena, every later term's end must move, and no earlier one.
        let analyzer = try TextAnalyzer()
        var random = SplitMix64(state: 7)
        var arena = TermArena()
        for round in 0..<400 {
            if round % 25 == 0 { arena.removeAll() }
            let before = terms(of: arena)
            let byteCount = arena.bytes.count
            let text = RandomText.make(using: &random)
            let first = UInt32(round * 3)
            analyzer.analyze(text, appendingTo: &arena, firstPosition: first)
            let expected = analyzer.analyze(text).map { AnalyzedTerm(text: $0.text, position: $0.position + Int(first)) }
            #expect(terms(of: arena, from: before.count) == expected, "\(text.debugDescription)")
            #expect(terms(of: arena).prefix(before.count).elementsEqual(before), "\(text.debugDescription)")
            #expect(arena.count == arena.positions.count)
            #expect(arena.bytes.count == byteCount + expected.reduce(0) { $0 + $1.text.utf8.count })
        }
    }

    @Test func markedTokensSitBeforeTheirBodyInAnArenaThatIsNotEmpty() throws {
        let analyzer = try TextAnalyzer()
        var arena = TermArena()
        analyzer.analyze("hello", appendingTo: &arena)
        analyzer.analyze("#护肤品推荐 @nike don't", appendingTo: &arena, firstPosition: 10)
        #expect(terms(of: arena).map(\.text) == ["hello", "#护肤品推荐", "护肤", "品", "推荐", "@nike", "nike", "don't", "don"])
        #expect(terms(of: arena).map(\.position) == [0, 10, 10, 11, 12, 13, 13, 14, 14])
    }

    @Test func removeAllEmptiesTheArena() throws {
        let analyzer = try TextAnalyzer()
        var arena = TermArena()
        analyzer.analyze("one two #three", appendingTo: &arena)
        #expect(arena.count == 4)
        arena.removeAll()
        #expect(arena == TermArena())
    }
}
