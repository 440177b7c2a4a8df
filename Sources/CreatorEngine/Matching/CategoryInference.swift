/// Which taxonomy niches a brief's words point to, learnt from the index itself: the
/// categories of the creators who use each word. This is how a brief crosses languages:
/// `精华` (serum) is used by creators whose categories say `skincare`, and `category:skincare`
/// then finds English, Spanish or Indonesian skincare creators, whose categories are the
/// same slugs in every language (`docs/matching.md`). No word list is kept: every language
/// of the corpus works, and a word's niches follow how creators really use it.
///
/// For each term, a sample of at most `sampleSize` of its documents (over all text
/// fields) is checked against each slug's category list. A slug is the term's niche when at
/// least `minimumShare` of the sample has it and that is at least `minimumLift` times the
/// slug's share of all creators. A slug's weight is its share, summed over the terms that
/// point to it and divided by the sum of those terms' best shares; slugs under
/// `minimumWeight` of the best are dropped, and at most `maxSlugs` kept.
struct CategoryInference {
    static let sampleSize = 256
    static let minimumShare = 0.3
    static let minimumLift = 2.0
    static let minimumWeight = 0.35
    static let maxSlugs = 3

    /// Inferred slugs with weights in (0, 1], heaviest first.
    let slugs: [(slug: String, weight: Double)]

    /// At most this many terms are read (the rarest, as `BriefTerms` orders them).
    static let maxTerms = 8

    init(terms: [String], index: CreatorIndex) {
        let categories = index.facet(.category)
        let lists = LookalikeEncoding.taxonomy.map { categories.documents(for: $0) }
        let count = Double(max(1, index.documentCount))
        var weights = [Double](repeating: 0, count: lists.count)
        var normaliser = 0.0
        for term in terms.prefix(Self.maxTerms) {
            let sample = Self.sample(of: term, in: index).sorted()
            guard sample.count >= 5 else { continue }
            var best = 0.0
            var shares = [Double](repeating: 0, count: lists.count)
            for (slot, list) in lists.enumerated() where !list.isEmpty {
                let share = Double(Self.countMembers(sample, in: list)) / Double(sample.count)
                let base = Double(list.count) / count
                if share >= Self.minimumShare, share >= Self.minimumLift * base {
                    shares[slot] = share
                    best = max(best, share)
                }
            }
            guard best > 0 else { continue }
            normaliser += best
            for slot in shares.indices { weights[slot] += shares[slot] }
        }
        guard normaliser > 0 else { slugs = []; return }
        let scaled: [Double] = weights.map { $0 / normaliser }
        let top = scaled.max() ?? 0
        var kept: [(slug: String, weight: Double)] = []
        for (slot, weight) in scaled.enumerated() where weight > 0 && weight >= Self.minimumWeight * top {
            kept.append((LookalikeEncoding.taxonomy[slot], min(1, weight)))
        }
        kept.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.slug < $1.slug }
        slugs = Array(kept.prefix(Self.maxSlugs))
    }

    /// A sample of the documents holding `term` in any text field: the first `sampleSize / 2`
    /// postings of each field (documents are numbered in dump order, which says nothing of
    /// niche, so the first postings are as good a sample as any and need no full decoding),
    /// then an even `sampleSize` of those. A document may appear once per field; that weighs
    /// creators who use the word in several places.
    static func sample(of term: String, in index: CreatorIndex) -> [UInt32] {
        var documents: [UInt32] = []
        for field in TextField.allCases {
            let reader = index.text(field)
            guard let info = try? reader.info(for: term), var cursor = try? reader.postings(info) else { continue }
            var taken = 0
            while taken < sampleSize / 2, (try? cursor.next()) == true {
                documents.append(cursor.document)
                taken += 1
            }
        }
        guard documents.count > sampleSize else { return documents }
        let step = Double(documents.count) / Double(sampleSize)
        return (0..<sampleSize).map { documents[Int(Double($0) * step)] }
    }

    /// How many of the ascending `sample` are in the ascending `list`: one forward walk with
    /// galloping steps, so the cost grows with the sample, not with the list.
    static func countMembers(_ sample: [UInt32], in list: SortedDocuments) -> Int {
        var found = 0, position = 0
        for document in sample {
            position = list.firstPosition(from: position, atLeast: document)
            if position < list.count, list[position] == document { found += 1 }
        }
        return found
    }
}
