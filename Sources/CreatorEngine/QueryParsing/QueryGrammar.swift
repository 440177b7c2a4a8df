/// The recursive-descent parser over tokens (see `QueryParser` for the grammar and the
/// decisions). One instance parses one query.
struct QueryGrammar {
    private var tokens: [QueryToken]
    private var position = 0
    private var clauseCount = 0
    private let values: QualifierValueParser
    private let limits: QueryLimits

    init(tokens: [QueryToken], values: QualifierValueParser, limits: QueryLimits) {
        self.tokens = tokens
        self.values = values
        self.limits = limits
    }

    mutating func parseQuery() throws(QueryError) -> ParsedQuery {
        var query = ParsedQuery(root: nil, sort: .score, limit: limits.defaultLimit, offset: 0)
        try extractDirectives(into: &query)
        guard !tokens.isEmpty else { return query }
        let root = try parseOr(depth: 0)
        if let extra = peek {
            // parseOr stops only at ')' or the end.
            throw error(.unbalancedParentheses, "unexpected ')' with no '(' before it",
                        hint: "remove it, or add the '(' it closes", span: extra.span)
        }
        query.root = root
        return query
    }

    // MARK: Directives

    /// Applies and removes the top-level `sort:`/`limit:`/`offset:` tokens.
    private mutating func extractDirectives(into query: inout ParsedQuery) throws(QueryError) {
        var remaining: [QueryToken] = []
        var depth = 0
        var seen: [QueryQualifier: Range<Int>] = [:]
        for token in tokens {
            switch token.kind {
            case .openParenthesis:
                depth += 1
            case .closeParenthesis:
                depth = max(0, depth - 1)
            case .qualifier(let qualifier, let valueSpan) where qualifier.role == .directive:
                let name = "'\(qualifier.rawValue):'"
                if depth > 0 {
                    throw error(.misplacedDirective, "\(name) cannot be inside parentheses",
                                hint: "it applies to the whole query: move it outside the parentheses", span: token.span)
                }
                if let previous = remaining.last, previous.kind == .minus || previous.kind == .not {
                    throw error(.misplacedDirective, "\(name) cannot be negated",
                                hint: "remove the '\(previous.kind == .minus ? "-" : "NOT")' before it",
                                span: previous.span.lowerBound..<token.span.upperBound)
                }
                if let first = seen[qualifier] {
                    throw error(.duplicateDirective, "duplicate \(name) (already given at column \(first.lowerBound + 1))",
                                hint: "keep one \(name)", span: token.span)
                }
                seen[qualifier] = token.span
                switch qualifier {
                case .sort: query.sort = try values.sortOrder(valueSpan)
                case .limit: query.limit = try values.limit(valueSpan)
                default: query.offset = try values.offset(valueSpan)
                }
                continue
            default:
                break
            }
            remaining.append(token)
        }
        tokens = remaining
    }

    // MARK: Expressions

    private var peek: QueryToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func parseOr(depth: Int) throws(QueryError) -> QueryNode {
        var operands = [try parseAnd(depth: depth)]
        while let token = peek, token.kind == .or {
            position += 1
            guard let next = peek, next.kind != .closeParenthesis, next.kind != .or else {
                throw error(.danglingOperator, "'OR' has nothing on its right",
                            hint: "write a term after 'OR', or remove it", span: token.span)
            }
            operands.append(try parseAnd(depth: depth))
        }
        return operands.count == 1 ? operands[0] : Self.combine(operands, QueryNode.Kind.or)
    }

    private mutating func parseAnd(depth: Int) throws(QueryError) -> QueryNode {
        var operands: [QueryNode] = []
        while let token = peek, token.kind != .or, token.kind != .closeParenthesis {
            operands.append(try parseUnary(depth: depth))
        }
        guard !operands.isEmpty else {
            if let token = peek, token.kind == .or {
                throw error(.danglingOperator, "'OR' has nothing on its left",
                            hint: "write a term before 'OR', or remove it", span: token.span)
            }
            // Only reachable at a ')' (an empty "()" is refused where it opens).
            let span = peek?.span ?? 0..<1
            throw error(.unbalancedParentheses, "unexpected ')' with no '(' before it",
                        hint: "remove it, or add the '(' it closes", span: span)
        }
        return operands.count == 1 ? operands[0] : Self.combine(operands, QueryNode.Kind.and)
    }

    private mutating func parseUnary(depth: Int) throws(QueryError) -> QueryNode {
        guard let token = peek else { preconditionFailure("parseUnary needs a token") }
        switch token.kind {
        case .minus, .not:
            try checkDepth(depth + 1, at: token.span)
            position += 1
            guard let next = peek, next.kind != .closeParenthesis, next.kind != .or else {
                let name = token.kind == .minus ? "'-'" : "'NOT'"
                throw error(.danglingOperator, "\(name) has nothing after it to exclude",
                            hint: "write what to exclude after \(name), or remove it", span: token.span)
            }
            let operand = try parseUnary(depth: depth + 1)
            return QueryNode(.not(operand), span: token.span.lowerBound..<operand.span.upperBound)

        case .openParenthesis:
            try checkDepth(depth + 1, at: token.span)
            position += 1
            guard let next = peek else {
                throw error(.unbalancedParentheses, "this '(' is never closed",
                            hint: "add the missing ')'", span: token.span)
            }
            if next.kind == .closeParenthesis {
                throw error(.emptyParentheses, "empty parentheses",
                            hint: "put terms inside the parentheses, or remove them",
                            span: token.span.lowerBound..<next.span.upperBound)
            }
            var inner = try parseOr(depth: depth + 1)
            guard let close = peek, close.kind == .closeParenthesis else {
                throw error(.unbalancedParentheses, "this '(' is never closed",
                            hint: "add the missing ')'", span: token.span)
            }
            position += 1
            inner.span = token.span.lowerBound..<close.span.upperBound
            return inner

        case .word(let text):
            position += 1
            try countClause(at: token.span)
            return QueryNode(.text(TextTerm(text: text, isPhrase: false)), span: token.span)

        case .phrase(let text):
            position += 1
            try countClause(at: token.span)
            return QueryNode(.text(TextTerm(text: text, isPhrase: true)), span: token.span)

        case .qualifier(let qualifier, let valueSpan):
            position += 1
            try countClause(at: token.span)
            return QueryNode(try values.clause(qualifier, valueSpan: valueSpan), span: token.span)

        case .or, .closeParenthesis:
            preconditionFailure("callers stop at 'OR' and ')'")
        }
    }

    // MARK: Helpers

    private static func combine(_ operands: [QueryNode], _ make: ([QueryNode]) -> QueryNode.Kind) -> QueryNode {
        let lower = operands.first?.span.lowerBound ?? 0
        let upper = operands.last?.span.upperBound ?? 0
        return QueryNode(make(operands), span: lower..<upper)
    }

    private func checkDepth(_ depth: Int, at span: Range<Int>) throws(QueryError) {
        guard depth <= limits.maxDepth else {
            throw error(.nestedTooDeeply,
                        "query nested too deeply (more than \(limits.maxDepth) levels of parentheses and negation)",
                        hint: "flatten the query", span: span)
        }
    }

    private mutating func countClause(at span: Range<Int>) throws(QueryError) {
        clauseCount += 1
        guard clauseCount <= limits.maxClauses else {
            throw error(.tooManyClauses, "too many clauses (more than \(limits.maxClauses))",
                        hint: "use comma lists (country:US,CA) or ranges (followers:10k..50k) instead of many clauses",
                        span: span)
        }
    }

    private func error(_ kind: QueryError.Kind, _ message: String, hint: String?, span: Range<Int>) -> QueryError {
        QueryError(kind: kind, message: message, hint: hint, span: span, query: values.query)
    }
}
