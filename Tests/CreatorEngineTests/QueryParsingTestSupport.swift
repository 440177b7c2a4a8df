@testable import CreatorEngine

/// Random trees in the parser's normal form (values already normalised, lists without
/// repeats, `.and`/`.or` with two or more children): what the parser can produce.
struct QueryParsingTreeGenerator {
    var random: SplitMixRandom

    static let words = ["serum", "护肤", "スキンケア", "스킨케어", "café", "vitamin-c", "or", "and", "not", "k-beauty",
                        "😀", "a.b", "#tag", "@me", "10:30", "https://example.com/a?b=c", "naïve", "ＳＫＩＮ", "ภาษาไทย", "x-"]
    static let phrases = ["clean skincare", "say \"hi\"", "back\\slash", "护肤 精华", "a (b) c", "OR", "x:y", "-minus", "tier:mega"]
    static let amounts: [Double] = [0, 5, 500, 2.5, 10_000, 1_500_000, 20_000, 123_456, 0.75, 999_999_999]
    static let shares: [Double] = [0, 0.03, 0.5, 1, 0.125, 0.001, 0.0003]
    static let growths: [Double] = [-0.05, 0, 0.05, 1.5, -1, 12.34]

    mutating func tree(depth: Int = 0) -> QueryNode {
        guard depth < 4, random.chance(0.55) else { return leaf() }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return node(.and((0..<Int.random(in: 2...4, using: &random)).map { _ in tree(depth: depth + 1) }))
        case 1: return node(.or((0..<Int.random(in: 2...3, using: &random)).map { _ in tree(depth: depth + 1) }))
        default: return node(.not(tree(depth: depth + 1)))
        }
    }

    mutating func leaf() -> QueryNode {
        switch Int.random(in: 0..<13, using: &random) {
        case 0: return node(.text(TextTerm(text: random.pick(Self.words), isPhrase: false)))
        case 1: return node(.text(TextTerm(text: random.pick(Self.phrases), isPhrase: true)))
        case 2:
            let field = random.pick(KeywordField.allCases)
            let pool: [String] = switch field {
            case .country: ["US", "CA", "CN", "JP"]
            case .lang: ["en", "es", "zh", "fil"]
            case .category: ["beauty", "skincare", "k-beauty", "护肤"]
            case .hashtag: ["CleanBeauty", "skincare", "护肤"]
            case .id: ["tiktok:6812345", "yt:UC_x", "42"]
            case .handle: ["glowwithmei", "Mei.Beauty", "@odd"]
            }
            return node(.keyword(field, random.subset(pool)))
        case 3: return node(.platform(random.subset(Platform.allCases)))
        case 4: return node(.tier(random.subset(Tier.allCases, max: 5)))
        case 5: return node(.risk(random.subset(RiskLevel.allCases)))
        case 6:
            let field = random.pick(NumericField.allCases)
            var predicates: [NumericPredicate] = []
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let predicate = self.predicate(pool: pool(for: field.scale), allowRange: true)
                if !predicates.contains(predicate) { predicates.append(predicate) }
            }
            return node(.numeric(field, predicates))
        case 7:
            let field = random.pick(AudienceField.allCases)
            let key = switch field {
            case .country: random.pick(["US", "other"])
            case .lang: random.pick(["es", "fil", "other"])
            case .gender: random.pick(QueryVocabulary.audienceGenders)
            case .age: random.pick(QueryVocabulary.audienceAgeBuckets)
            case .interest: random.pick(["fitness", "护肤"])
            }
            return node(.audience(field, key: key, predicate(pool: Self.shares, allowRange: false)))
        case 8: return node(.flag(random.subset(QueryVocabulary.flagNames)))
        case 9: return node(.like(random.subset([.handle("glowwithmei"), .id("tiktok:1"), .handle("@at")])))
        case 10: return node(.overlap(random.pick([.handle("glowwithmei"), .id("tiktok:1")]), predicate(pool: Self.shares, allowRange: false)))
        case 11: return node(.text(TextTerm(text: random.pick(Self.words), isPhrase: true)))
        default: return node(.keyword(.category, [random.pick(["gaming", "tech"])]))
        }
    }

    private func pool(for scale: QueryValueScale) -> [Double] {
        switch scale {
        case .amount: Self.amounts
        case .share(_, let signed): signed ? Self.growths : Self.shares
        }
    }

    private mutating func predicate(pool: [Double], allowRange: Bool) -> NumericPredicate {
        if allowRange, random.chance(0.4) {
            let a = random.pick(pool), b = random.pick(pool)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return .range(lower: min(a, b), upper: max(a, b))
            case 1: return .range(lower: a, upper: nil)
            default: return .range(lower: nil, upper: a)
            }
        }
        return .comparison(random.pick(ComparisonOperator.allCases), random.pick(pool))
    }

    private func node(_ kind: QueryNode.Kind) -> QueryNode { QueryNode(kind, span: 0..<0) }
}

/// Spans removed, for comparing meaning.
func queryParsingShape(_ text: String) throws -> QueryNode? {
    try QueryParser().parse(text).root?.withoutSpans
}
