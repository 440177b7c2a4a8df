@testable import CreatorEngine

/// Random query trees over the values a corpus really holds (so that most clauses match
/// something), covering every qualifier the brute force can answer: words, phrases,
/// keywords, platforms, tiers, numbers, audience shares, with AND, OR and NOT.
struct RandomQueries {
    var random: SplitMixRandom
    let countries: [String], languages: [String], categories: [String], hashtags: [String]
    let words: [String], phrases: [String], ids: [String], handles: [String]
    let numbers: [NumericField: [Double]]
    let audienceKeys: [AudienceField: [String]]

    init(fixture: SearchFixture, seed: UInt64) {
        random = SplitMixRandom(seed: seed)
        let profiles = fixture.profiles
        countries = Array(Set(profiles.compactMap(\.country))).sorted() + ["ZZ"]
        languages = Array(Set(profiles.flatMap(\.languages))).sorted()
        categories = Array(Set(profiles.flatMap(\.categories))).sorted()
        hashtags = Array(Set(profiles.flatMap(\.hashtags))).sorted().prefix(200).map { $0 }
        var words: Set<String> = [], phrases: Set<String> = []
        for profile in profiles.prefix(400) {
            let parts = (profile.bio ?? "").split(separator: " ").map(String.init)
                .filter { word in word.count > 1 && word.allSatisfy { $0.isLetter } && !["OR", "NOT", "AND"].contains(word) }
            words.formUnion(parts)
            for pair in zip(parts, parts.dropFirst()) { phrases.insert(pair.0 + " " + pair.1) }
        }
        self.words = words.sorted() + ["nonexistentword"]
        self.phrases = phrases.sorted()
        ids = profiles.prefix(300).map(\.id)
        handles = profiles.prefix(300).map(\.handle)
        var numbers: [NumericField: [Double]] = [:]
        for field in NumericField.allCases {
            let values = profiles.compactMap { field.column.value(of: $0) }.sorted()
            numbers[field] = values.isEmpty ? [0] : (0..<20).map { values[$0 * (values.count - 1) / 19] }
        }
        self.numbers = numbers
        var audienceKeys: [AudienceField: [String]] = [:]
        for field in AudienceField.allCases {
            let keys = profiles.flatMap { field.dimension.distribution(of: $0.audience)?.entries.map(\.key) ?? [] }
            audienceKeys[field] = Array(Set(keys)).sorted()
        }
        self.audienceKeys = audienceKeys
    }

    mutating func tree(depth: Int = 0) -> QueryNode {
        let roll = Int.random(in: 0..<10, using: &random)
        if depth < 3, roll < 2 { return node(.and((0..<Int.random(in: 2...3, using: &random)).map { _ in tree(depth: depth + 1) })) }
        if depth < 3, roll == 2 { return node(.or((0..<Int.random(in: 2...3, using: &random)).map { _ in tree(depth: depth + 1) })) }
        if depth < 3, roll == 3 { return node(.not(tree(depth: depth + 1))) }
        return leaf()
    }

    mutating func leaf() -> QueryNode {
        switch Int.random(in: 0..<16, using: &random) {
        case 0: return node(.text(TextTerm(text: random.pick(words), isPhrase: false)))
        case 1: return node(.text(TextTerm(text: random.pick(phrases.isEmpty ? words : phrases), isPhrase: true)))
        case 2: return node(.keyword(.country, random.subset(countries)))
        case 3: return node(.keyword(.lang, random.subset(languages)))
        case 4: return node(.keyword(.category, random.subset(categories)))
        case 5: return node(.keyword(.hashtag, [random.pick(hashtags)]))
        case 6: return node(.keyword(random.chance(0.5) ? .id : .handle, [random.pick(random.chance(0.5) ? ids : handles)]))
        case 7: return node(.platform(random.subset(Platform.allCases)))
        case 8: return node(.tier(random.subset(Tier.allCases, max: 3)))
        case 14: return node(.like([.id(random.pick(ids))]))
        case 15:
            return node(.overlap(.id(random.pick(ids)), .comparison(random.pick([.lessOrEqual, .greaterOrEqual]),
                                                                   random.pick([0.0, 0.01, 0.05, 0.15, 0.3]))))
        case 12: return node(.risk(random.subset(RiskLevel.allCases, max: 2)))
        case 13: return node(.flag(random.subset(QueryVocabulary.flagNames, max: 2)))
        case 9, 10:
            let field = random.pick(NumericField.allCases)
            let pool = numbers[field] ?? [0]
            let low = random.pick(pool), high = random.pick(pool)
            let predicate: NumericPredicate = random.chance(0.4)
                ? .range(lower: min(low, high), upper: max(low, high))
                : .comparison(random.pick(ComparisonOperator.allCases.filter { $0 != .equal }), low)
            return node(.numeric(field, [predicate]))
        default:
            let field = random.pick(AudienceField.allCases)
            let key = random.pick(audienceKeys[field] ?? ["US"])
            let share = random.pick([0, 0.05, 0.2, 0.4, 0.6])
            return node(.audience(field, key: key, .comparison(random.pick([.greaterOrEqual, .lessOrEqual, .greater]), share)))
        }
    }

    private func node(_ kind: QueryNode.Kind) -> QueryNode { QueryNode(kind, span: 0..<0) }
}
