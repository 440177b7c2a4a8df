import Testing
@testable import CreatorText

/// Properties that hold for any text.
struct PropertyTests {
    @Test func analyzeIsDeterministicAndTheSameAcrossInstances() throws {
        let first = try TextAnalyzer()
        let second = try TextAnalyzer()
        var random = SplitMix64(state: 42)
        for _ in 0..<500 {
            let text = RandomText.make(using: &random)
            let once = first.analyze(text)
            #expect(first.analyze(text) == once, "\(text.debugDescription)")
            #expect(second.analyze(text) == once, "\(text.debugDescription)")
        }
    }

    @Test func outputDoesNotDependOnEarlierTexts() throws {
        // The memo and reused buffers must not leak state from one text to the next.
        let fresh = try TextAnalyzer()
        let used = try TextAnalyzer()
        var random = SplitMix64(state: 3)
        for _ in 0..<200 { _ = used.analyze(RandomText.make(using: &random, maxPieces: 40)) }
        for _ in 0..<200 {
            let text = RandomText.make(using: &random)
            #expect(used.analyze(text) == fresh.analyze(text), "\(text.debugDescription)")
        }
    }

    @Test func shortcutsGiveTheSameFoldAsEveryStep() throws {
        // Differential: the ASCII path, the unchanged-token check, the quick check, the
        // trigger sets and the memo against running every ICU step on every token.
        let folder = try TokenFolder()
        var random = SplitMix64(state: 11)
        for _ in 0..<3000 {
            var token = String(RandomText.make(using: &random, maxPieces: 2).filter { $0 != " " })
            if token.isEmpty { token.unicodeScalars.append(RandomText.randomScalar(using: &random)) }
            let fast = token.withUTF8 { folder.fold($0) }
            let full = token.withUTF8 { folder.foldInUTF16($0, skippingUnneededSteps: false) }
            #expect(fast == full, "\(token.debugDescription): \(fast.debugDescription) vs \(full.debugDescription)")
        }
    }

    @Test func aKoreanWordIsFoundInsideAnyLongerRunAsTermsInARow() throws {
        // What the pairs are for: any run of two or more syllables cut from a longer Korean
        // word (a noun with its particle, a compound) analyses to terms that the longer
        // word holds at consecutive positions, so the word and its quoted phrase find it.
        let analyzer = try TextAnalyzer()
        let syllables = Array("서울에스킨케어루틴맛집가방을는이")
        var random = SplitMix64(state: 17)
        for _ in 0..<400 {
            let text = String((0..<Int.random(in: 2...9, using: &random)).map { _ in syllables.randomElement(using: &random) ?? "가" })
            let characters = Array(text)
            let start = Int.random(in: 0...(characters.count - 2), using: &random)
            let end = Int.random(in: (start + 2)...characters.count, using: &random)
            let query = analyzer.analyze(String(characters[start..<end]))
            let terms = analyzer.analyze("#" + text + " " + text)
            #expect(query.map(\.position) == Array(0..<query.count), "\(query)")
            let found = terms.indices.contains { first in
                query.indices.allSatisfy { offset in
                    terms.contains { $0.text == query[offset].text && $0.position == terms[first].position + offset }
                }
            }
            #expect(found, "\(characters[start..<end]) in \(text)")
            #expect(terms.allSatisfy { $0.text.hasPrefix("#") || (1...2).contains($0.text.count) }, "\(terms)")
        }
    }

    @Test func aTextAndItsSimplifiedSpellingAnalyseAlike() throws {
        // Traditional and simplified Chinese give the same terms, whatever surrounds them:
        // each run of Han characters replaced by its folded keyword changes nothing.
        let analyzer = try TextAnalyzer()
        var random = SplitMix64(state: 23)
        var checked = 0
        for _ in 0..<400 {
            let text = RandomText.make(using: &random)
            var simplified = "", run = ""
            for scalar in text.unicodeScalars {
                if (0x4E00...0x9FFF).contains(scalar.value) { run.unicodeScalars.append(scalar); continue }
                simplified += analyzer.foldKeyword(run)
                run = ""
                simplified.unicodeScalars.append(scalar)
            }
            simplified += analyzer.foldKeyword(run)
            if simplified != text { checked += 1 }
            #expect(analyzer.analyze(simplified) == analyzer.analyze(text), "\(text.debugDescription) vs \(simplified.debugDescription)")
        }
        #expect(checked > 50)
    }

    @Test func eachTermIsAFixedPointOfFoldKeyword() throws {
        let analyzer = try TextAnalyzer()
        var random = SplitMix64(state: 5)
        for _ in 0..<300 {
            for term in analyzer.analyze(RandomText.make(using: &random)) where !term.text.hasPrefix("#") && !term.text.hasPrefix("@") {
                #expect(analyzer.foldKeyword(term.text) == term.text, "\(term.text.debugDescription)")
            }
        }
    }

    @Test func traditionalCharactersFromTheRulesCoverEveryChangingCharacter() throws {
        // Every character ICU's transliterator changes on its own is in the trigger set, and
        // the set was read from the rules (ICU's source set, the fallback, has ~3,500).
        let folder = try HanVariantFolder()
        let triggerCount = folder.traditionalCharacters.ranges.reduce(0) { $0 + Int($1.end - $1.start) + 1 }
        #expect((2000..<3400).contains(triggerCount))
        #expect(folder.traditionalCharacters.contains(0x8B77))  // 護
        #expect(!folder.traditionalCharacters.contains(0x4E86))  // 了: in ICU's source set, never changed
        let transliterator = try Transliterator(id: "Traditional-Simplified")
        let source = try transliterator.sourceSet()
        var buffers = UTF16BufferPair()
        var checked = 0
        for (start, end) in source.ranges {
            for value in start...end {
                guard let scalar = Unicode.Scalar(value) else { continue }
                var text = String(scalar)
                text.withUTF8 { _ = buffers.current.assign(utf8: $0) }
                let unchanged = !folder.mayChange(buffers.current.contents)
                folder.fold(&buffers)
                if unchanged { #expect(buffers.current.makeString() == String(scalar), "\(scalar)") }
                checked += 1
            }
        }
        #expect(checked > 3000)
    }

    @Test func theRulesFoldLikeTheTransliterator() throws {
        // Differential: the analyser folds whole texts with `HanVariantRules`, ICU's rules
        // applied in Swift. ICU's transliterator must agree on every rule's key, and on
        // random runs of keys, their first characters alone, and characters no rule changes.
        let rulesText = try #require(HanVariantFolder.icuRules)
        let rules = try #require(HanVariantRules(rules: rulesText))
        let folder = try HanVariantFolder()
        var buffers = UTF16BufferPair()
        func transliterated(_ text: String) -> String {
            var text = text
            text.withUTF8 { _ = buffers.current.assign(utf8: $0) }
            folder.fold(&buffers)
            return buffers.current.makeString()
        }
        func folded(_ text: String) -> String {
            var text = text, output: [UInt8] = []
            let changed = text.withUTF8 { rules.fold($0, into: &output) }
            if !changed { #expect(transliterated(text) == text, "\(text)") }
            return changed ? String(decoding: output, as: UTF8.self) : text
        }
        let keys = try #require(HanVariantFolder.plainRules(in: rulesText)).map { String(String.UnicodeScalarView($0.key)) }
        for key in keys { #expect(folded(key) == transliterated(key), "\(key)") }
        #expect(keys.count > 3000)
        let firsts = keys.compactMap { $0.unicodeScalars.count > 1 ? $0.unicodeScalars.first.map(String.init) : nil }
        let unchanged = ["了", "美", "和", "的", "品", "肤", "化", "思", "额"]
        var random = SplitMix64(state: 29)
        for _ in 0..<3000 {
            var run = ""
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                switch Int.random(in: 0..<3, using: &random) {
                case 0: run += keys.randomElement(using: &random) ?? ""
                case 1: run += firsts.randomElement(using: &random) ?? ""
                default: run += unchanged.randomElement(using: &random) ?? ""
                }
            }
            #expect(folded(run) == transliterated(run), "\(run)")
        }
        #expect(folded("剩餘額度") == transliterated("剩餘額度"))
        #expect(folded("護膚") == "护肤")
        var noRule = "了", output: [UInt8] = []
        #expect(!noRule.withUTF8 { rules.fold($0, into: &output) })  // no rule reads 了
    }
}
