import CreatorText
import Foundation
import Testing
@testable import CreatorEngine

/// Positions that cannot be read (bytes changed under a matching checksum) reach a phrase's
/// every way of finding its occurrences: the pass over all postings and the pass among a
/// set's candidates report the damage and leave the phrase to check documents one by one,
/// where a damaged field holds no occurrence. So every evaluation answers alike, and the
/// phrase still matches where its other fields hold it.
@Suite("Damaged phrase positions: every way of finding a phrase answers alike")
struct DamagedPositionsTests {
    @Test("a word whose caption positions are all unreadable: its phrases match in the other fields only, whatever the evaluation")
    func unreadableCaptionPositions() throws {
        let fixture = try SearchFixture.generated.get()
        let analyzer = try TextAnalyzer()
        // The commonest caption pairs: their words have long lists, and sets make them candidates.
        let phrases = SetExecutionTests.commonCaptionPhrases(of: fixture).filter { $0.split(separator: " ").count == 2 }
        let phrase = try #require(phrases.first)
        let word = try #require(analyzer.analyze(String(phrase.split(separator: " ")[0])).first).text
        let info = try #require(try fixture.index.text(.captions).info(for: word))
        #expect(info.positionsLength > 0)

        // Every byte of the word's caption positions a continuation byte: no position ends.
        let path = try IndexDirectory(path: fixture.folder.file("index")).currentIndexPath()
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let damaged = try #require(DamagedIndexTests.rewritten(original, section: "text.captions.postings") { bytes, section in
            let start = section.lowerBound + Int(info.postingsOffset) + Int(info.postingsLength)
            for offset in start..<start + Int(info.positionsLength) { bytes[offset] = 0xFF }
        })
        let target = fixture.folder.file("unreadable-positions.cidx")
        try Data(damaged).write(to: URL(fileURLWithPath: target))
        let index = try CreatorIndex(path: target)

        let perDocument = Searcher(index: index, sets: .automatic, phrases: .perDocument, valueOrders: .immediately)
        // Sets wherever possible, so that a set drives the phrase and its candidates are counted at once.
        let amongCandidates = Searcher(index: index, sets: .always, phrases: .amongCandidates, valueOrders: .immediately)
        let others = [
            Searcher(index: index, sets: .automatic, phrases: .automatic, valueOrders: .immediately),
            Searcher(index: index, sets: .automatic, phrases: .allAtOnce, valueOrders: .immediately),
            Searcher(index: index, sets: .automatic, phrases: .allAtOnceInParts(3), valueOrders: .immediately),
            amongCandidates,
        ]
        // What a scan finds with the captions of every document that holds the word left out.
        let captions = try #require(TextField.allCases.firstIndex(of: .captions))
        let reference = BruteForceSearch(fixture: fixture, analyzer: analyzer, unreadable: (field: captions, term: word))
        let filters = ["", " -platform:x", " tier:nano..mid", " lang:en"]
        var setDriven = 0
        for candidate in phrases where candidate.split(separator: " ").contains(where: { analyzer.analyze(String($0)).first?.text == word }) {
            for filter in filters {
                let text = "\"\(candidate)\"" + filter + " limit:100"
                for other in others { try SetExecutionTests.expectSameAnswers(perDocument, other, to: text) }
                let expected = reference.matchingDocuments(try QueryParser().parse(text).root).count
                #expect(try perDocument.search(text).total == expected, "total for \(text)")
                if try amongCandidates.explain(text).plan.contains("SET  (") { setDriven += 1 }
            }
        }
        #expect(setDriven > 0, "no plan let a set drive a phrase of \(word)")
        // The undamaged index finds the phrase in captions, so the damage did reach the answers.
        let intact = try fixture.searcher.search("\"\(phrase)\"").total
        #expect(try perDocument.search("\"\(phrase)\"").total < intact, "\(phrase): the damaged captions still matched")
    }
}
