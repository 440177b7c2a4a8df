/// One node of a parsed query, with the characters it came from.
///
/// The tree keeps the query's shape: `a b` is `.and`, `a OR b` is `.or`, `-a`/`NOT a` is
/// `.not`, parentheses make no node of their own but widen the span of what they hold.
/// `.and`/`.or` always have at least two children. Qualifier values are checked and
/// normalised (see each case); a comma list is an OR of its values.
public struct QueryNode: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// All children (juxtaposition).
        case and([QueryNode])
        /// Any child (`OR`).
        case or([QueryNode])
        /// The complement of the child (`-x`, `NOT x`).
        case not(QueryNode)
        /// A free-text word or phrase.
        case text(TextTerm)
        /// `country:`, `lang:`, `category:`, `hashtag:`, `id:`, `handle:` — any of the values.
        case keyword(KeywordField, [String])
        /// `platform:` — any of the platforms.
        case platform([Platform])
        /// `tier:` — the tiers selected, in tier order without repeats (a list, a range
        /// `micro..mid` and a comparison `>=mid` all become this set).
        case tier([Tier])
        /// `followers:`, `er:`, … — any of the predicates.
        case numeric(NumericField, [NumericPredicate])
        /// `aud.country:US>=40%` — the share of the audience with `key` satisfies the predicate.
        /// Keys are normalised: countries upper-case, languages/genders/interests lower-case.
        case audience(AudienceField, key: String, NumericPredicate)
        /// `risk:` — the levels selected, in order without repeats.
        case risk([RiskLevel])
        /// `flag:` — any of the flags (names from `QueryVocabulary.flagNames`).
        case flag([String])
        /// `like:` — creators similar to any of these.
        case like([CreatorReference])
        /// `overlap:@h<=20%` — the estimated audience share shared with the creator.
        case overlap(CreatorReference, NumericPredicate)
    }

    public var kind: Kind
    /// Character offsets of the node's source text (including enclosing parentheses).
    public var span: Range<Int>

    public init(_ kind: Kind, span: Range<Int>) {
        self.kind = kind
        self.span = span
    }

    /// The same tree with every span set to `0..<0`: compares meaning, not position.
    public var withoutSpans: QueryNode {
        let kind: Kind = switch self.kind {
        case .and(let children): .and(children.map(\.withoutSpans))
        case .or(let children): .or(children.map(\.withoutSpans))
        case .not(let child): .not(child.withoutSpans)
        default: self.kind
        }
        return QueryNode(kind, span: 0..<0)
    }

    /// The direct children (empty for leaves).
    public var children: [QueryNode] {
        switch kind {
        case .and(let children), .or(let children): children
        case .not(let child): [child]
        default: []
        }
    }

    /// Number of leaf clauses in the tree.
    public var clauseCount: Int {
        let children = self.children
        return children.isEmpty ? 1 : children.reduce(0) { $0 + $1.clauseCount }
    }
}
