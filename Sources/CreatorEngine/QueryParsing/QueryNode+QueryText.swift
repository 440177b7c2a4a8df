/// Rendering a tree back to query text: `parse(node.queryText)` gives the same tree
/// (spans aside) for every tree the parser can produce. Used to show a normalised query,
/// to build queries in code (a product brief turned into a query), and by the round-trip
/// tests. Parentheses are added only where the tree needs them; amounts are written with
/// `k`/`m` where exact (`10k`), shares as percents (`3%`), tiers and risk levels in
/// ranges where three or more are consecutive.
extension QueryNode {
    public var queryText: String {
        switch kind {
        case .and(let children):
            return children.map(\.operandText).reduce("") { Self.seam($0, " ", $1, fallback: "\t") }
        case .or(let children):
            return children.map { child in
                if case .or = child.kind { return Self.parenthesised(child.queryText) }
                return child.queryText
            }.reduce("") { Self.seam($0, " OR ", $1, fallback: "\tOR\t") }
        case .not(let child):
            let operand = child.operandText
            return Self.merges("-", operand) ? "NOT\t" + operand : "-" + operand
        case .text(let term):
            return term.isPhrase ? Self.quoted(term.text) : term.text
        case .keyword(.handle, let handles):
            // Always with '@': the parser removes one, so a handle that itself starts
            // with '@' survives the round trip.
            return "handle:" + handles.map { "@" + $0 }.joined(separator: ",")
        case .keyword(let field, let values):
            return field.rawValue + ":" + values.joined(separator: ",")
        case .platform(let platforms):
            return "platform:" + platforms.map(\.rawValue).joined(separator: ",")
        case .tier(let tiers):
            return "tier:" + Self.levelsText(tiers, among: Tier.allCases)
        case .risk(let levels):
            return "risk:" + Self.levelsText(levels, among: RiskLevel.allCases)
        case .numeric(let field, let predicates):
            return field.rawValue + ":" + predicates.map { $0.queryText(scale: field.scale) }.joined(separator: ",")
        case .audience(let field, let key, let predicate):
            return field.rawValue + ":" + key + predicate.comparisonText(scale: .share(bounded: true, signed: false))
        case .flag(let flags):
            return "flag:" + flags.joined(separator: ",")
        case .like(let references):
            return "like:" + references.map(\.queryText).joined(separator: ",")
        case .overlap(let reference, let predicate):
            return "overlap:" + reference.queryText + predicate.comparisonText(scale: .share(bounded: true, signed: false))
        }
    }

    private var operandText: String {
        switch kind {
        case .and, .or: Self.parenthesised(queryText)
        default: queryText
        }
    }

    private static func parenthesised(_ text: String) -> String {
        (merges("(", text) ? "(\t" : "(") + text + (merges(text, ")") ? "\t)" : ")")
    }

    /// `left + separator + right`, or `left + fallback + right` when the separator would
    /// merge with the text beside it into one character (a word starting with a combining
    /// mark, one ending with a prepended mark). A tab never merges: grapheme clusters
    /// always break around control characters.
    static func seam(_ left: String, _ separator: String, _ right: String, fallback: String) -> String {
        if left.isEmpty { return right }
        return merges(left, separator) || merges(separator, right) ? left + fallback + right : left + separator + right
    }

    /// Whether the last character of `left` and the first of `right` would join.
    static func merges(_ left: String, _ right: String) -> Bool {
        guard let last = left.last, let first = right.first else { return false }
        return (String(last) + String(first)).count < 2
    }

    /// A phrase in quotes, with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    /// Selected levels as a comma list, runs of three or more written as `a..b`.
    private static func levelsText<T: RawRepresentable<String> & Equatable>(_ selected: [T], among all: [T]) -> String {
        var parts: [String] = []
        var run: [T] = []
        func flush() {
            if run.count >= 3, let first = run.first, let last = run.last {
                parts.append(first.rawValue + ".." + last.rawValue)
            } else {
                parts.append(contentsOf: run.map(\.rawValue))
            }
            run = []
        }
        for level in all {
            if selected.contains(level) { run.append(level) } else { flush() }
        }
        flush()
        return parts.joined(separator: ",")
    }
}

extension NumericPredicate {
    /// The predicate as written after `field:` (`10k..200k`, `>=3%`, `500`).
    func queryText(scale: QueryValueScale) -> String {
        switch self {
        case .range(let lower, let upper):
            return (lower.map { QueryNumber.queryText($0, scale: scale) } ?? "") + ".."
                + (upper.map { QueryNumber.queryText($0, scale: scale) } ?? "")
        case .comparison(.equal, let value):
            return QueryNumber.queryText(value, scale: scale)
        case .comparison(let comparison, let value):
            return comparison.rawValue + QueryNumber.queryText(value, scale: scale)
        }
    }

    /// Always with its operator (`=3%` too): after a key (`aud.country:US=3%`) a bare
    /// number would run into the key.
    func comparisonText(scale: QueryValueScale) -> String {
        guard case .comparison(.equal, let value) = self else { return queryText(scale: scale) }
        return "=" + QueryNumber.queryText(value, scale: scale)
    }
}

extension CreatorReference {
    /// `@handle` or the id.
    public var queryText: String {
        switch self {
        case .id(let id): id
        case .handle(let handle): "@" + handle
        }
    }
}

extension ParsedQuery {
    /// The whole query as text: the tree, then `sort:`/`limit:`/`offset:` when they differ
    /// from the defaults of `limits`.
    public func queryText(limits: QueryLimits = .default) -> String {
        var parts: [String] = []
        if let root { parts.append(root.queryText) }
        if sort != .score { parts.append("sort:" + sort.queryValue) }
        if limit != limits.defaultLimit { parts.append("limit:\(limit)") }
        if offset != 0 { parts.append("offset:\(offset)") }
        return parts.reduce("") { QueryNode.seam($0, " ", $1, fallback: "\t") }
    }
}
