import CreatorText
import Foundation
import Testing
@testable import CreatorEngine

/// Bright Data's free TikTok sample (1,000 real profiles, bios in many scripts) →
/// dump lines: id, handle (partly masked with █ in the source), nickname, bio, followers.
enum BrightDataTikTok {
    static let path = RealData.externalFolder + "/brightdata-profile-samples/tiktok_profiles.csv"

    static func creators() throws -> [RealCreator] {
        // With TIDES's TikTok bios too: more Chinese and Latin-script bios than either alone.
        try sample() + TidesTikTok.creators(try CSVTable(path: RealData.tidesTikTok))
    }

    static func sample() throws -> [RealCreator] {
        let table = try CSVTable(path: path)
        let id = try table.column("id"), handle = try table.column("account_id"), name = try table.column("nickname")
        let bio = try table.column("biography"), followers = try table.column("followers")
        let region = try table.column("region")
        return table.rows.map { row in
            RealCreator(id: "tiktok:" + row[id], handle: row[handle], name: row[name].isEmpty ? nil : row[name],
                        bio: row[bio].isEmpty ? nil : row[bio], country: TidesTikTok.countryCode(row[region]),
                        followers: TidesTikTok.count(row[followers]))
        }
    }
}

/// The languages the issue names, recognised in a bio by script or by common words.
enum BioLanguage: String, CaseIterable, CustomStringConvertible {
    case arabic, thai, chinese, russian, vietnamese, spanish, portuguese, indonesian

    var description: String { rawValue }

    private static let vietnameseLetters = Set("ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơư")
    private static let markers: [BioLanguage: Set<String>] = [
        .spanish: ["para", "los", "las", "del", "mis", "tu", "que", "con", "una", "sígueme", "vida", "amor"],
        .portuguese: ["você", "não", "meu", "minha", "seu", "sua", "para", "vida", "amor", "sigam", "mais"],
        .indonesian: ["dan", "yang", "aku", "untuk", "saya", "kami", "ini", "itu", "di", "ke", "jangan", "akun"],
    ]

    /// Whether a word belongs to this language's script (script languages only).
    func isScriptWord(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        switch self {
        case .arabic: return scalars.contains { (0x0600...0x06FF).contains($0.value) }
        case .thai: return scalars.contains { (0x0E00...0x0E7F).contains($0.value) }
        case .chinese: return scalars.contains { (0x4E00...0x9FFF).contains($0.value) } && !scalars.contains { (0x3040...0x30FF).contains($0.value) }
        case .russian: return scalars.contains { (0x0400...0x04FF).contains($0.value) }
        case .vietnamese: return word.lowercased().contains { Self.vietnameseLetters.contains($0) }
        case .spanish, .portuguese, .indonesian: return false
        }
    }

    /// A word of `bio` in this language that a user could type as a query, or `nil`.
    func queryWord(in bio: String) -> String? {
        // Whitespace-separated, without links and handles, then split at punctuation.
        let words = bio.split(whereSeparator: { $0.isWhitespace }).filter { !$0.contains { "./@".contains($0) } }
            .flatMap { $0.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) }
            .filter { $0.count >= 2 && !["OR", "NOT", "AND"].contains($0) }
        if let markers = Self.markers[self] {
            let lowered = Set(words.map { $0.lowercased() })
            guard !lowered.intersection(markers).isEmpty else { return nil }
            return words.first { $0.count >= 4 && !markers.contains($0.lowercased()) }.map(String.init)
        }
        return words.first { isScriptWord($0) }.map(String.init)
    }
}

@Suite("Real bios: searching a word finds the creators whose bios hold it",
       .enabled(if: FileManager.default.fileExists(atPath: BrightDataTikTok.path), RealData.skipNote))
struct RealBioSearchTests {
    static let fixture: Result<(SearchFixture, [RealCreator]), any Error> = Result {
        let creators = try BrightDataTikTok.creators()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var seen = Set<String>()
        let lines = try creators.filter { $0.followers != nil && seen.insert($0.id).inserted }.map { try $0.dumpLine(encoder) }
        return (try SearchFixture(dump: lines.joined(separator: "\n") + "\n"), creators)
    }

    @Test("a bio word in each language, typed as a query, finds its creator", arguments: BioLanguage.allCases)
    func bioWord(language: BioLanguage) throws {
        let (fixture, creators) = try Self.fixture.get()
        let analyzer = try TextAnalyzer()
        var checked = 0
        for creator in creators {
            guard let bio = creator.bio, let word = language.queryWord(in: bio),
                  let document = fixture.index.document(withID: creator.id) else { continue }
            // The word as typed, and the first dictionary word the analyser finds in it
            // (for unspaced Thai or Chinese, a word inside the run).
            let terms = analyzer.terms(word)
            for query in Set([word] + terms.prefix(1)) {
                let response = try fixture.searcher.search(query + " limit:1000")
                #expect(response.hits.contains { $0.document == document },
                        "\(language): '\(query)' does not find \(creator.id) (bio: \(bio))")
                // Every hit holds the query's terms somewhere.
                let needed = analyzer.terms(query)
                for hit in response.hits {
                    let fields = fixture.fieldTerms[hit.document]
                    #expect(needed.allSatisfy { term in fields.contains { $0[term] != nil } }, "'\(query)' hit \(hit.document) lacks a term")
                }
            }
            checked += 1
            if checked == 8 { break }
        }
        print("\(language): \(checked) bios checked")
        #expect(checked >= 2, "too few \(language) bios recognised in the sample")
    }
}
