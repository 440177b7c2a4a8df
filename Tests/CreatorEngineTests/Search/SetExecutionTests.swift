import CreatorText
import Testing
@testable import CreatorEngine

/// Set-at-a-time execution (`DocumentSet`, `ValueOrder`, `SetPlanning`) against plain
/// Swift sets and sorts, and against document-at-a-time execution of the same queries.
@Suite("Set-at-a-time execution")
struct SetExecutionTests {
    @Test("DocumentSet agrees with Set<UInt32> under union, intersection, difference and complement",
          arguments: [1, 63, 64, 65, 1000] as [Int])
    func documentSetAlgebra(documentCount: Int) {
        var random = SplitMixRandom(seed: UInt64(documentCount))
        func randomDocuments() -> [UInt32] {
            (0..<Int.random(in: 0...documentCount, using: &random)).map { _ in UInt32.random(in: 0..<UInt32(documentCount), using: &random) }
        }
        let everything = Set(0..<UInt32(documentCount))
        for _ in 0..<50 {
            let a = randomDocuments(), b = randomDocuments()
            let setA = DocumentSet(documentCount: documentCount, documents: a)
            let setB = DocumentSet(documentCount: documentCount, documents: b)
            var union = setA, intersection = setA, difference = setA, complement = setA
            union.formUnion(setB)
            intersection.formIntersection(setB)
            difference.subtract(setB)
            complement.complement()
            #expect(Set(union.documents) == Set(a).union(b))
            #expect(Set(intersection.documents) == Set(a).intersection(b))
            #expect(Set(difference.documents) == Set(a).subtracting(b))
            #expect(Set(complement.documents) == everything.subtracting(a))
            #expect(complement.count == everything.count - Set(a).count)
            // Copy on write: combining left the originals as they were.
            #expect(Set(setA.documents) == Set(a))
            #expect(setA.documents == setA.documents.sorted())
            let iterated = SetIterator(union)
            var listed: [UInt32] = []
            while let document = iterated.next() { listed.append(document) }
            #expect(listed == union.documents)
        }
        #expect(DocumentSet(documentCount: documentCount, filled: true).count == documentCount)
    }

    @Test("a ValueOrder's slices and walks match filtering and sorting the values",
          arguments: [(50, 3), (5_000, 40), (20_000, 1_000), (100_000, 50_000)] as [(Int, Int)])
    func valueOrder(documentCount: Int, distinctValues: Int) {
        var random = SplitMixRandom(seed: UInt64(documentCount))
        // Ties (few distinct values), unknown values, negatives and both zeros; 100k
        // documents take the radix sort, the others the comparison sort.
        let values: [Double] = (0..<documentCount).map { _ in
            if random.chance(0.1) { return .nan }
            if random.chance(0.02) { return -0.0 }
            return Double(Int.random(in: 0..<distinctValues, using: &random) - distinctValues / 3) / 7
        }
        let order = ValueOrder(documentCount: documentCount) { values[$0] }
        for _ in 0..<60 {
            let a = Double(Int.random(in: -distinctValues / 3 - 1...distinctValues, using: &random)) / 7
            let b = Double(Int.random(in: -distinctValues / 3 - 1...distinctValues, using: &random)) / 7
            let predicate: NumericPredicate = random.chance(0.5)
                ? .range(lower: min(a, b), upper: max(a, b))
                : .comparison(random.pick(ComparisonOperator.allCases), a)
            let found = order.documents(in: order.positions(passing: ValueBounds(predicate))).documents
            let expected = (0..<documentCount).filter { !values[$0].isNaN && predicate.matches(values[$0]) }.map(UInt32.init)
            #expect(found == expected, "\(predicate)")
        }
        for descending in [true, false] {
            var walked: [UInt32] = []
            order.walk(descending: descending) { walked.append($0); return true }
            let expected = (0..<documentCount).sorted { a, b in
                let x = values[a], y = values[b]
                let keyA = x.isNaN ? -Double.infinity : (descending ? x : -x)
                let keyB = y.isNaN ? -Double.infinity : (descending ? y : -y)
                return keyA > keyB || (keyA == keyB && a < b)
            }.map(UInt32.init)
            #expect(walked == expected, "walk descending: \(descending)")
            var first: [UInt32] = []
            order.walk(descending: descending) { first.append($0); return first.count < 7 }
            #expect(first == Array(expected.prefix(7)))
        }
    }

    /// The 25 most frequent word pairs and triples of the fixture's captions: their words
    /// are the longest posting lists, so phrase checks step over many positions between
    /// matches, and sets leave the commonest words to the phrase.
    static func commonCaptionPhrases(of fixture: SearchFixture) -> [String] {
        var counts: [String: Int] = [:]
        for profile in fixture.profiles {
            for post in profile.recentPosts {
                let caption: String = post.caption ?? ""
                let words: [String] = caption.split(separator: " ").map(String.init).filter { word in
                    word.count > 1 && word.allSatisfy(\.isLetter)
                }
                for length in 2...3 where words.count >= length {
                    for start in 0...(words.count - length) { counts[words[start..<start + length].joined(separator: " "), default: 0] += 1 }
                }
            }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(25).map(\.key)
    }

    @Test("phrases of the most common caption words count exactly what a scan of the analysed fields finds")
    func commonWordPhrases() throws {
        let fixture = try SearchFixture.generated.get()
        let reference = BruteForceSearch(fixture: fixture, analyzer: try TextAnalyzer())
        let phrases = Self.commonCaptionPhrases(of: fixture)
        #expect(phrases.count == 25)
        var listedByPhrase = 0
        for phrase in phrases {
            let text = "\"\(phrase)\" limit:1000"
            let expected = reference.matchingDocuments(try QueryParser().parse(text).root)
            let response = try fixture.searcher.search(text)
            #expect(response.total == expected.count, "total for \(text)")
            #expect(Set(response.hits.map(\.document)) == Set(expected.prefix(1000)) || expected.count > 1000, "documents for \(text)")
            // Words too common to list make no set: the phrase lists its occurrences itself.
            let plan = try fixture.searcher.explain(text).plan
            if plan.contains("PHRASE  (") {
                listedByPhrase += 1
                #expect(!plan.contains("SET  ("), "\(plan)")
            }
        }
        #expect(listedByPhrase > 0, "no phrase listed its own occurrences")
    }

    @Test("a set leaves a phrase's commonest words to the phrase's check, with the answers of document-at-a-time")
    func phraseWordsLeftOut() throws {
        let fixture = try SearchFixture.generated.get()
        // Sets wherever possible, so that narrow filters (few candidates) make sets too.
        let sets = Searcher(index: fixture.index, sets: .always, valueOrders: .immediately)
        let documents = Searcher(index: fixture.index, sets: .never, valueOrders: .immediately)
        var leftOut = 0
        let phrases = Self.commonCaptionPhrases(of: fixture)
        // A common word outside the phrase is the query's own condition: it must stay in.
        let phraseWords = Set(phrases.flatMap { $0.split(separator: " ").map { $0.lowercased() } })
        // One that about half the creators' captions hold, so that leaving it out would let
        // in creators without it.
        var creatorsWith: [String: Int] = [:]
        for profile in fixture.profiles {
            let words = Set(profile.recentPosts.compactMap(\.caption).flatMap { $0.lowercased().split(separator: " ").map(String.init) })
            for word in words where word.count > 2 && word.allSatisfy(\.isLetter) { creatorsWith[word, default: 0] += 1 }
        }
        let half = Double(fixture.profiles.count) / 2
        let outsideWord = try #require(creatorsWith.filter { !phraseWords.contains($0.key) }
            .min { (abs(Double($0.value) - half), $0.key) < (abs(Double($1.value) - half), $1.key) }?.key)
        for phrase in phrases {
            for filter in ["", " -platform:tiktok", " tier:nano..mid lang:en", " country:US tier:mega", " hashtag:fyp tier:macro",
                           " \(outsideWord) country:US tier:mega"] {
                let text = "\"\(phrase)\"" + filter + " limit:100"
                try Self.expectSameAnswers(sets, documents, to: text)
                if try sets.explain(text).plan.contains("left to the phrase's positions") { leftOut += 1 }
            }
        }
        // The rule itself: a word in two fifths of the documents stays out of a set it would
        // shrink by too few candidates to pay for its bits, and goes in where it saves many.
        #expect(SetPlanning.leavesToPhrase(postings: 416_581, candidates: 7_344, documentCount: 1_000_000))
        #expect(!SetPlanning.leavesToPhrase(postings: 373_525, candidates: 54_121, documentCount: 1_000_000))
        #expect(leftOut > 0, "no plan left a phrase's word out of its set")
    }

    @Test("a phrase's words list candidates only from the fields that hold every word of the phrase, with the brute force's answers")
    func phraseWordsOnlyInPhraseFields() throws {
        let fixture = try SearchFixture.generated.get()
        let reference = BruteForceSearch(fixture: fixture, analyzer: try TextAnalyzer())
        let analyzer = try TextAnalyzer()
        // The fields each term occurs in, anywhere in the index.
        var fieldsOf: [String: Set<String>] = [:]
        for document in fixture.fieldTerms {
            for (field, terms) in zip(TextField.allCases, document) {
                for term in terms.keys { fieldsOf[term, default: []].insert(field.rawValue) }
            }
        }
        // Common caption phrases, and pairs of a caption word with a word of the names (which
        // never hold both, so the phrase can match nowhere).
        let phrases = Self.commonCaptionPhrases(of: fixture)
        let nameWord = try #require(fixture.profiles.lazy.compactMap { $0.name?.split(separator: " ").first.map(String.init) }
            .first { $0.count > 2 && $0.allSatisfy(\.isLetter) })
        var narrowed = 0, nowhere = 0
        for phrase in phrases + phrases.prefix(5).map { "\($0.split(separator: " ")[0]) \(nameWord)" } {
            let text = "\"\(phrase)\" limit:1000"
            let words = analyzer.analyze(phrase).map(\.text)
            let phraseFields = words.reduce(into: Set(TextField.allCases.map(\.rawValue))) { $0.formIntersection(fieldsOf[$1] ?? []) }
            let plan = try fixture.searcher.explain(text).plan
            for word in Set(words) {
                let line = try #require(plan.split(separator: "\n").first { $0.contains("term \"\(word)\"") }, "\(word) in \(plan)")
                let listed = Set(line.components(separatedBy: "per field: ").dropFirst().first?.dropLast()
                    .split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) } ?? [])
                #expect(listed == phraseFields, "\(word) in \(phrase): \(line)")
                if fieldsOf[word] != phraseFields { narrowed += 1 }
                if phraseFields.isEmpty {
                    #expect(line.contains("in no field that holds every word of the phrase"), "\(line)")
                    nowhere += 1
                }
            }
            let expected = reference.matchingDocuments(try QueryParser().parse(text).root)
            let response = try fixture.searcher.search(text)
            #expect(response.total == expected.count, "total for \(text)")
            #expect(expected.count > 1000 || Set(response.hits.map(\.document)) == Set(expected), "documents for \(text)")
        }
        #expect(narrowed > 0, "no phrase word occurs outside its phrase's fields")
        #expect(nowhere > 0, "every phrase had a field holding all its words")
    }

    @Test("phrases found all at once (in one pass, split into parts, or among a set's candidates) and document by document give identical answers, with and without filters")
    func phraseEvaluationsAgree() throws {
        let fixture = try SearchFixture.generated.get()
        let reference = BruteForceSearch(fixture: fixture, analyzer: try TextAnalyzer())
        let allAtOnce = Searcher(index: fixture.index, sets: .automatic, phrases: .allAtOnce, valueOrders: .immediately)
        let perDocument = Searcher(index: fixture.index, sets: .automatic, phrases: .perDocument, valueOrders: .immediately)
        // The pass split into parts, as on a large index (here a part may hold no posting).
        let inParts = [2, 3, 7].map { Searcher(index: fixture.index, sets: .automatic, phrases: .allAtOnceInParts($0), valueOrders: .immediately) }
        // A set's candidates counted at once, with sets where they pay and wherever possible.
        let amongCandidates = [SetPlanning.Mode.automatic, .always].map {
            Searcher(index: fixture.index, sets: $0, phrases: .amongCandidates, valueOrders: .immediately)
        }
        // Two- and three-word runs of captions and bios, with repeated words, hashtags and
        // CJK among them, alone and under filters.
        var random = SplitMixRandom(seed: 31)
        var phrases: [String] = ["bye bye", "#fyp fyp"]
        for profile in fixture.profiles.prefix(400) {
            let texts = [profile.bio ?? ""] + profile.recentPosts.compactMap(\.caption)
            let words = random.pick(texts).split(separator: " ").map(String.init)
            guard words.count >= 3 else { continue }
            let length = 2 + Int(random.next() % 2), start = Int(random.next() % UInt64(words.count - length + 1))
            phrases.append(words[start..<start + length].joined(separator: " ").replacingOccurrences(of: "\"", with: ""))
        }
        let filters = ["", " tier:nano..mid", " -platform:tiktok", " lang:en", " followers:>=10k country:US,JP,VN"]
        var found = 0
        for (index, phrase) in phrases.enumerated() {
            let text = "\"\(phrase)\"" + filters[index % filters.count] + " limit:50"
            let fast = try allAtOnce.search(text), slow = try perDocument.search(text)
            for other in inParts + amongCandidates { try Self.expectSameAnswers(allAtOnce, other, to: text) }
            #expect(fast.total == slow.total, "total for \(text)")
            #expect(fast.total == reference.matchingDocuments(try QueryParser().parse(text).root).count, "reference total for \(text)")
            #expect(fast.hits.map(\.document) == slow.hits.map(\.document), "page for \(text)")
            for (left, right) in zip(fast.hits, slow.hits) {
                #expect(abs(left.score - right.score) < 1e-9, "score of \(left.document) for \(text)")
            }
            if fast.total > 0 { found += 1 }
        }
        // The phrases come from the texts, so most are found.
        #expect(found > phrases.count / 2, "\(found) of \(phrases.count) phrases found")
    }

    @Test("set-at-a-time and document-at-a-time answers are identical: totals, pages in order, scores",
          arguments: [(11, .always), (12, .always), (13, .automatic)] as [(UInt64, SetPlanning.Mode)])
    func bothWaysAgree(seed: UInt64, mode: SetPlanning.Mode) throws {
        let fixture = try SearchFixture.generated.get()
        // `.automatic` makes value orders in the background: its first queries answer
        // without them (column passes, heaps), later ones with them.
        let sets = Searcher(index: fixture.index, sets: mode)
        let documents = Searcher(index: fixture.index, sets: .never)
        var queries = RandomQueries(fixture: fixture, seed: seed)
        var random = SplitMixRandom(seed: seed)
        var usedSets = 0
        for round in 0..<150 {
            var text = queries.tree().queryText
            if round % 3 == 1 { text += " sort:\(random.chance(0.5) ? "-" : "")\(random.pick(NumericField.allCases).rawValue)" }
            text += " limit:\(random.pick([1, 10, 50, 1000])) offset:\(random.pick([0, 0, 3, 40]))"
            try Self.expectSameAnswers(sets, documents, to: text)
            if try sets.explain(text).plan.contains("SET  (") { usedSets += 1 }
        }
        // Nearly every random query has some condition a set can answer.
        #expect(usedSets > (mode == .always ? 100 : 20), "\(usedSets) of 150 plans used a set")
    }

    /// Both searchers answer `text` alike: the total, the page in order, each hit's score.
    static func expectSameAnswers(_ first: Searcher, _ second: Searcher, to text: String) throws {
        let one = try first.search(text), other = try second.search(text)
        #expect(one.total == other.total, "total for \(text)")
        #expect(one.hits.map(\.document) == other.hits.map(\.document), "page for \(text)")
        for (left, right) in zip(one.hits, other.hits) {
            #expect(abs(left.score - right.score) < 1e-9, "score of \(left.document) for \(text)")
        }
    }
}
