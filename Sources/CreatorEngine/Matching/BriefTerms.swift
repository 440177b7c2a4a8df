import CreatorText

/// The product text and keywords as index terms: analysed with the index's own analyser
/// (each in its own language and script: ICU segmentation, folding, traditional → simplified),
/// then filtered to the terms worth searching.
///
/// Kept: terms some creator uses, held by at most `maxDocumentShare` of the creators (so
/// `for`, `the`, `和` do not turn the text query into "everyone"), not a single Latin letter
/// or digit; at most `maxTerms`, rarest first. All of them feed `CategoryInference` (which
/// reads a fixed sample per term); the text query takes only `searchTerms`: those held by at
/// most `maxSearchShare` of the creators, at most `maxSearchTerms` (or the rarest term when
/// none is that rare), since a search's cost grows with the postings it unites.
struct BriefTerms {
    static let maxDocumentShare = 0.15
    static let maxTerms = 12
    static let maxSearchShare = 0.05
    static let maxSearchTerms = 6

    /// Kept terms with their largest document frequency over the text fields, rarest first.
    let terms: [(term: String, documentFrequency: Int)]

    /// The terms of the text query, rarest first.
    let searchTerms: [String]

    init(brief: Brief, index: CreatorIndex, analyzer: TextAnalyzer) {
        var seen = Set<String>()
        var candidates: [(term: String, documentFrequency: Int)] = []
        let limit = max(1, Int(Double(index.documentCount) * Self.maxDocumentShare))
        for text in [brief.product] + brief.keywords {
            for analysed in analyzer.analyze(text) where seen.insert(analysed.text).inserted {
                let term = analysed.text
                if term.unicodeScalars.count == 1, term.unicodeScalars.allSatisfy(\.isASCII) { continue }
                let frequency = TextField.allCases.reduce(0) { best, field in
                    max(best, Int((try? index.text(field).info(for: term))?.documentFrequency ?? 0))
                }
                guard frequency > 0, frequency <= limit else { continue }
                candidates.append((term, frequency))
            }
        }
        terms = Array(candidates.sorted { $0.documentFrequency != $1.documentFrequency ? $0.documentFrequency < $1.documentFrequency : $0.term < $1.term }
            .prefix(Self.maxTerms))
        let rareLimit = max(1, Int(Double(index.documentCount) * Self.maxSearchShare))
        let rare = terms.filter { $0.documentFrequency <= rareLimit }.prefix(Self.maxSearchTerms).map(\.term)
        searchTerms = rare.isEmpty ? Array(terms.prefix(1).map(\.term)) : Array(rare)
    }
}
