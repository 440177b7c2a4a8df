import CorpusGenerator
import Foundation
import Testing

@Suite("Dump format")
struct FormatTests {
    @Test("every line not labelled malformed passes the strict format check; every labelled one fails it",
          arguments: CorpusName.allCases)
    func malformedLinesAreExactlyTheInvalidOnes(name: CorpusName) {
        let corpus = name.corpus
        #expect(!corpus.malformed.isEmpty)
        var failing: [Int: String] = [:]
        for (offset, line) in corpus.lines.enumerated() {
            if let problem = StrictProfileCheck.problem(line, parsed: corpus.parsed[offset]) { failing[offset + 1] = problem }
        }
        #expect(Set(failing.keys) == Set(corpus.malformed.keys),
                "unlabelled failures: \(failing.filter { corpus.malformed[$0.key] == nil }.prefix(5))")
    }

    @Test("every line is one line: no blank lines, every line ends with a newline")
    func lineStructure() {
        let corpus = GeneratedCorpus.standard
        #expect(corpus.dump.last == 0x0A)
        #expect(corpus.lines.allSatisfy { !$0.isEmpty })
        #expect(corpus.lines.count == corpus.summary.lines)
        #expect(corpus.lines.count == corpus.creatorLabels.count + corpus.malformed.count + corpus.duplicates.count)
        #expect(String(validatingUTF8: corpus.dump.map { CChar(bitPattern: $0) } + [0]) != nil, "the dump is valid UTF-8")
    }

    @Test("labels: one per creator, lines distinct and in range, creator ids unique")
    func labelsAccountForEveryLine() {
        let corpus = GeneratedCorpus.dirty
        #expect(corpus.creatorLabels.count == corpus.summary.creators)
        let allLines = corpus.creatorLabels.map(\.line) + Array(corpus.malformed.keys) + corpus.duplicates.map(\.line)
        #expect(Set(allLines).count == allLines.count)
        #expect(Set(allLines) == Set(1...corpus.lines.count))
        #expect(Set(corpus.creatorLabels.map(\.id)).count == corpus.creatorLabels.count)
        for label in corpus.creatorLabels.prefix(500) {
            #expect(corpus.profile(line: label.line)?.string("id") == label.id)
        }
    }

    @Test("each malformation kind occurs in a dirty corpus")
    func malformationVariety() {
        let reasons = Set(GeneratedCorpus.dirty.malformed.values)
        #expect(reasons.count >= 10, "reasons: \(reasons.sorted())")
        #expect(reasons.isSubset(of: Set(Malformation.allCases.map(\.rawValue))))
    }

    @Test("duplicates: same id as their winner, and the winner wins by the format's rule")
    func duplicatesLoseToTheirWinner() throws {
        let corpus = GeneratedCorpus.dirty
        #expect(corpus.duplicates.count > 50)
        var before = 0
        var after = 0
        var ties = 0
        for duplicate in corpus.duplicates {
            let loser = try #require(corpus.profile(line: duplicate.line))
            let winner = try #require(corpus.profile(line: duplicate.winnerLine))
            #expect(loser.string("id") == duplicate.id)
            #expect(winner.string("id") == duplicate.id)
            #expect(corpus.creatorLabels.contains { $0.line == duplicate.winnerLine && $0.id == duplicate.id })
            let loserDay = try #require(StrictProfileCheck.date(loser.string("updated_at") ?? ""))
            let winnerDay = try #require(StrictProfileCheck.date(winner.string("updated_at") ?? ""))
            // Latest updated_at wins; on a tie the later line wins.
            #expect(loserDay < winnerDay || (loserDay == winnerDay && duplicate.line < duplicate.winnerLine))
            #expect(loser.double("followers") != winner.double("followers"))
            if loserDay == winnerDay { ties += 1 }
            if duplicate.line < duplicate.winnerLine { before += 1 } else { after += 1 }
        }
        #expect(before > 0 && after > 0 && ties > 0)
    }

    @Test("unknown extra fields appear sometimes, and never clash with the format's fields")
    func extraFields() {
        let known: Set<String> = ["id", "platform", "handle", "name", "bio", "country", "city", "languages", "categories",
                                  "hashtags", "recent_posts", "followers", "following", "posts_count", "avg_likes",
                                  "avg_comments", "avg_views", "avg_shares", "engagement_rate", "follower_history",
                                  "audience", "price", "collaborations", "commerce", "blacklisted", "contact_available",
                                  "updated_at"]
        let corpus = GeneratedCorpus.standard
        let withExtras = corpus.creators.filter { !Set($0.profile.keys).isSubset(of: known) }
        #expect(withExtras.count > corpus.creatorLabels.count / 20)
    }

    @Test("optional fields are sometimes missing (unknowns exist)")
    func missingOptionalFields() {
        let creators = GeneratedCorpus.standard.creators
        for key in ["name", "bio", "country", "languages", "categories", "following", "avg_likes", "engagement_rate",
                    "follower_history", "audience", "price", "recent_posts"] {
            let present = creators.filter { $0.profile[key] != nil }.count
            #expect(present > creators.count / 3 && present < creators.count, "\(key): \(present) of \(creators.count)")
        }
    }
}
