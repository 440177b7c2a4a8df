@testable import CorpusGenerator
import Testing

@Suite("Language packs")
struct LanguagePackTests {
    let catalog = LanguageCatalog.shared

    @Test("at least 16 packs; every niche has keywords in every pack, more for the big niches")
    func keywordCoverage() {
        #expect(catalog.packs.count >= 16)
        let big: Set<CreatorCategory> = [.beauty, .skincare, .makeup, .fashion, .fitness, .food, .travel, .gaming]
        for pack in catalog.packs {
            for category in CreatorCategory.allCases {
                let words = pack.keywords[category.rawValue]
                #expect(words.count >= (big.contains(category) ? 6 : 4), "\(pack.variant) \(category.slug): \(words.count)")
                #expect(Set(words).count == words.count, "\(pack.variant) \(category.slug) repeats a keyword")
                #expect(pack.hashtags[category.rawValue].allSatisfy { !$0.isEmpty && !$0.contains(0x20) })
            }
        }
    }

    @Test("pack text needs no JSON escaping and holds no stray template braces")
    func cleanText() {
        for pack in catalog.packs {
            let texts = pack.keywords.flatMap { $0 } + pack.sponsorTags + pack.generalTags + pack.blacklistReasons
            for text in texts {
                #expect(!text.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == UInt8(ascii: "{") }, "\(pack.variant)")
            }
            for template in pack.bios + pack.captions + pack.displayNames {
                for case .text(let bytes) in template.pieces {
                    #expect(!bytes.contains(UInt8(ascii: "{")) && !bytes.contains(UInt8(ascii: "}")))
                }
            }
        }
    }

    @Test("keywords are written in the language's script")
    func scripts() {
        let expected: [String: [ClosedRange<UInt32>]] = [
            "th": [0x0E00...0x0E7F], "ja": [0x3040...0x30FF, 0x4E00...0x9FFF], "ko": [0xAC00...0xD7AF],
            "ar": [0x0600...0x06FF], "ru": [0x0400...0x04FF], "hi": [0x0900...0x097F], "zh-Hans": [0x4E00...0x9FFF],
            "zh-Hant": [0x4E00...0x9FFF],
        ]
        for pack in catalog.packs {
            guard let ranges = expected[pack.variant] ?? expected[pack.code] else { continue }
            let words = pack.keywords.flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
            let native = words.filter { $0.unicodeScalars.contains { scalar in ranges.contains { $0.contains(scalar.value) } } }
            #expect(Double(native.count) >= 0.8 * Double(words.count), "\(pack.variant)")
            if pack.code == "ja" {
                // Japanese mixes kanji with kana.
                #expect(words.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
                #expect(words.contains { $0.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) } })
            }
        }
    }

    @Test("every pack's countries are known, and names give ASCII handles")
    func countriesAndNames() {
        for pack in catalog.packs {
            for country in pack.countries.elements { #expect(CountryCatalog.has(country), "\(pack.variant) \(country)") }
            for name in pack.femaleNames + pack.maleNames + pack.familyNames {
                #expect(name.handle.allSatisfy { $0.isASCII }, "\(pack.variant)")
            }
        }
    }
}
