/// The readable parse tree printed by `--explain`: one node a line, children indented,
/// each with the columns (1-based, inclusive) it came from.
///
/// ```
/// AND  [1–41]
///   category = beauty  [1–15]
///   NOT  [17–26]
///     risk in (high)  [18–26]
/// ```
extension QueryNode: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        var lines: [String] = []
        appendLines(to: &lines, indent: 0)
        return lines.joined(separator: "\n")
    }

    public var debugDescription: String { description }

    private func appendLines(to lines: inout [String], indent: Int) {
        let columns = span.isEmpty ? "" : "  [\(span.lowerBound + 1)–\(span.upperBound)]"
        lines.append(String(repeating: "  ", count: indent) + label + columns)
        for child in children { child.appendLines(to: &lines, indent: indent + 1) }
    }

    /// The node alone, without its children.
    public var label: String {
        switch kind {
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .text(let term): (term.isPhrase ? "phrase " : "text ") + Self.quoted(term.text)
        case .keyword(let field, let values): Self.choice(field.rawValue, values)
        case .platform(let platforms): Self.choice("platform", platforms.map(\.rawValue))
        case .tier(let tiers): "tier in (" + tiers.map(\.rawValue).joined(separator: ", ") + ")"
        case .risk(let levels): "risk in (" + levels.map(\.rawValue).joined(separator: ", ") + ")"
        case .numeric(let field, let predicates):
            field.rawValue + " " + predicates.map { $0.explained(scale: field.scale) }.joined(separator: " OR ")
        case .audience(let field, let key, let predicate):
            "\(field.rawValue)[\(key)] " + predicate.explained(scale: .share(bounded: true, signed: false))
        case .flag(let flags): Self.choice("flag", flags)
        case .like(let references): Self.choice("like", references.map(\.queryText))
        case .overlap(let reference, let predicate):
            "overlap with \(reference.queryText) " + predicate.explained(scale: .share(bounded: true, signed: false))
        }
    }

    private static func choice(_ name: String, _ values: [String]) -> String {
        values.count == 1 ? "\(name) = \(values[0])" : "\(name) in (" + values.joined(separator: ", ") + ")"
    }
}

extension NumericPredicate {
    /// `>= 3%`, `in 10k..200k`, `= 500`.
    func explained(scale: QueryValueScale) -> String {
        switch self {
        case .range: "in " + queryText(scale: scale)
        case .comparison(let comparison, let value): comparison.rawValue + " " + QueryNumber.queryText(value, scale: scale)
        }
    }
}

extension ParsedQuery: CustomStringConvertible {
    /// The tree (or "everything" with no conditions), then the page settings.
    public var description: String {
        (root?.description ?? "everything (no conditions)")
            + "\nsort: \(sort.queryValue), limit: \(limit), offset: \(offset)"
    }
}
