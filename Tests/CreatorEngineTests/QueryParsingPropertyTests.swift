import Testing
@testable import CreatorEngine

/// Properties over many random inputs: rendering and parsing are inverse, garbage never
/// crashes and errors point inside the text, whitespace between tokens does not matter.
@Suite("Query parsing: properties")
struct QueryParsingPropertyTests {
    @Test("random trees rendered to text parse back to the same tree, with exact spans")
    func roundTrip() throws {
        var generator = QueryParsingTreeGenerator(random: SplitMixRandom(seed: 0x5EED_0001))
        for _ in 0..<600 {
            let tree = generator.tree()
            var original = ParsedQuery(root: tree)
            if generator.random.chance(0.3) {
                original.sort = generator.random.pick([.score, SortOrder(key: .field(.er), descending: true),
                                                       SortOrder(key: .field(.followers), descending: false)])
                original.limit = generator.random.pick([1, 20, 50, 1_000])
                original.offset = generator.random.pick([0, 7, 1_000_000])
            }
            let text = original.queryText()
            let parsed = try QueryParser().parse(text)
            #expect(parsed.root?.withoutSpans == tree, "\(text)")
            #expect(parsed.sort == original.sort && parsed.limit == original.limit && parsed.offset == original.offset)
            // Every node's span is its own source text: parsing that slice alone gives the node.
            if let root = parsed.root { try checkSpans(root, in: Array(text)) }
        }
    }

    private func checkSpans(_ node: QueryNode, in characters: [Character]) throws {
        let slice = String(characters[node.span])
        #expect(try queryParsingShape(slice) == node.withoutSpans, "span \(node.span) of \(String(characters))")
        for child in node.children { try checkSpans(child, in: characters) }
    }

    @Test("garbage never crashes; errors point inside the text; successes re-render faithfully")
    func garbage() {
        let pieces = ["a", "b", "OR", "NOT", "or", "-", "(", ")", "\"", "\\", ":", ",", "..", ">=", "<", "=", "%", "k", "1",
                      "0", ".", " ", "  ", "\t", "\n", "\u{3000}", "护", "肤", "é", "\u{301}", "😀", "👍🏽", "country:",
                      "tier:", "er:", "followers:", "sort:", "limit:", "offset:", "aud.age:", "overlap:", "like:", "handle:",
                      "hashtag:", "flag:", "@", "#", "ｓ", "mid", "US", "http://", "contry:", "\r\n"]
        var random = SplitMixRandom(seed: 0x6A4B_A6E0)
        var outcomes = (parsed: 0, refused: 0)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in random.pick(pieces) }.joined()
            let count = text.count
            do {
                let parsed = try QueryParser().parse(text)
                outcomes.parsed += 1
                let again = try? QueryParser().parse(parsed.queryText())
                #expect(again?.root?.withoutSpans == parsed.root?.withoutSpans, "\(text.debugDescription) → \(parsed.queryText().debugDescription)")
            } catch {
                outcomes.refused += 1
                #expect(error.column >= 1 && error.column <= count, "\(text.debugDescription): \(error)")
                #expect(error.span.lowerBound >= 0 && error.span.upperBound <= count && !error.span.isEmpty)
                #expect(error.description.split(separator: "\n", omittingEmptySubsequences: false).count == 3)
            }
        }
        // The mix exercises both paths substantially.
        #expect(outcomes.parsed > 600 && outcomes.refused > 600, "\(outcomes)")
    }

    @Test("whitespace between tokens does not change the tree")
    func whitespace() throws {
        var generator = QueryParsingTreeGenerator(random: SplitMixRandom(seed: 0x3417E))
        let spaces = [" ", "  ", "\t", "\n", "\r\n", "\u{3000}", " \t "]
        for _ in 0..<300 {
            let tree = generator.tree()
            let text = tree.queryText
            let characters = Array(text)
            let tokens = try QueryLexer(characters: characters, query: text).tokens()
            var spaced = generator.random.pick(spaces)
            for (index, token) in tokens.enumerated() {
                spaced += String(characters[token.span])
                // '-' must touch what it excludes; elsewhere any run of whitespace will do.
                if token.kind != .minus, index + 1 < tokens.count || generator.random.chance(0.5) {
                    spaced += generator.random.pick(spaces)
                }
            }
            #expect(try queryParsingShape(spaced) == tree, "\(spaced.debugDescription)")
        }
    }

    @Test("numbers format back exactly")
    func numberFormatting() throws {
        var random = SplitMixRandom(seed: 77)
        for _ in 0..<2_000 {
            let digits = Int.random(in: 0...999_999, using: &random)
            let scale = Int.random(in: 0...6, using: &random)
            var value = Double(digits)
            for _ in 0..<scale { value /= 10 }
            let amount = QueryNumber.queryText(value, scale: .amount)
            #expect(try QueryNumber.parse(ArraySlice(amount)).get().value == value, "\(amount)")
            let share = QueryNumber.queryText(value / 1_000, scale: .share(bounded: false, signed: false))
            #expect(try QueryNumber.parse(ArraySlice(share)).get().value == value / 1_000, "\(share)")
        }
        #expect(QueryNumber.queryText(10_000, scale: .amount) == "10k")
        #expect(QueryNumber.queryText(1_500_000, scale: .amount) == "1.5m")
        #expect(QueryNumber.queryText(123_456, scale: .amount) == "123456")
        #expect(QueryNumber.queryText(0.03, scale: .share(bounded: true, signed: false)) == "3%")
        #expect(QueryNumber.queryText(1e-7, scale: .share(bounded: true, signed: false)) == "0.00001%")
        #expect(QueryNumber.decimalText(1e21) == "1000000000000000000000")
    }

    @Test("suggestions use Damerau–Levenshtein distance")
    func suggestions() {
        #expect(NameSuggestion.editDistance(Array("contry"), Array("country")) == 1)
        #expect(NameSuggestion.editDistance(Array("ocuntry"), Array("country")) == 1) // adjacent swap
        #expect(NameSuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(NameSuggestion.nearest(to: "FOLOWERS", among: ["followers", "views"]) == "followers")
        #expect(NameSuggestion.nearest(to: "x", among: ["er"]) == nil)
        #expect(NameSuggestion.nearest(to: "zzzzzz", among: ["country"]) == nil)
    }
}
