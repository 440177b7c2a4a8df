/// One analysed query term as it occurs in one text field of the index, with what BM25
/// needs to score it there.
struct FieldTerm {
    let field: TextField
    let reader: TextFieldReader
    let info: TermInfo
    /// The field's weight times the term's IDF in the field.
    let weightedIDF: Double
    let averageLength: Double

    /// The term in every field that holds it.
    static func lookUp(_ term: String, in index: CreatorIndex, scoring: TextScoring) -> [FieldTerm] {
        TextField.allCases.compactMap { field in
            let reader = index.text(field)
            guard let info = try? reader.info(for: term) else { return nil }
            let idf = scoring.bm25.idf(documentFrequency: Int(info.documentFrequency), documentCount: index.documentCount)
            return FieldTerm(field: field, reader: reader, info: info, weightedIDF: scoring.weight(of: field) * idf,
                             averageLength: index.meta.averageLength(of: field))
        }
    }

    /// What scoring in this field needs, as plain values (read per document in loops).
    func scorer(idf: Double? = nil, bm25: BM25) -> FieldScorer {
        FieldScorer(lengths: reader.lengths, weightedIDF: idf ?? weightedIDF, weight: bm25.field(averageLength: averageLength))
    }
}

/// BM25 in one field for one term or phrase: the field's lengths, the weighted IDF and
/// BM25 with the field's average length folded in, without references (copied freely in
/// per-document loops).
struct FieldScorer: @unchecked Sendable {
    // Views the index's mapping, which the searcher keeps open.
    let lengths: FieldLengths
    let weightedIDF: Double
    /// BM25 with the field's average length folded in.
    let weight: BM25.FieldWeight

    /// Starts reading what `score` reads of `document` (its length) into the caches.
    @inline(__always) func prefetch(_ document: UInt32) { lengths.prefetch(Int(document)) }

    @inline(__always) func score(frequency: UInt32, document: UInt32) -> Double {
        weightedIDF * weight.termWeight(frequency: Double(frequency), length: Double(lengths[Int(document)]))
    }
}
