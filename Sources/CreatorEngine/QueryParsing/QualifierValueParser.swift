/// Checks and normalises qualifier values by kind, with errors that point at the value.
///
/// Decisions:
/// - A comma list is an OR of values (`country:US,CA`); empty items (`US,,CA`, `US,`) are
///   refused; exact repeats are dropped. `aud.*:` and `overlap:` take one value.
/// - Codes: countries are two ASCII letters (upper-cased); languages a 2–3 letter primary
///   subtag (lower-cased, `pt-BR` → `pt`); categories lower-cased; hashtags lose leading
///   `#`/`＃`; handles lose one `@`; ids are exact. Platforms, tiers, risk levels, flags,
///   genders and age buckets must be known names (case-insensitive), with a suggestion.
/// - Numbers: `10k` = 10,000, `1.5m` = 1,500,000, `3%` = 0.03. A bare value is equality.
///   Ranges `a..b` include both ends and need `a <= b`; `a..` and `..b` are open.
/// - Shares (`er`, `growth`, `credibility`, `aud.*`, `overlap`) are fractions: `3%` or
///   `0.03`. A bare number above 1 is refused as ambiguous (`er:>=3` could mean 3% or
///   300%), `k`/`m` are refused, and shares other than `growth` must lie in 0–100%.
///   `growth` may be negative (`growth:<-5%`) and above 100%. Amounts (`followers`,
///   `views`, `price`, `gmv`) refuse `%` and negative values.
/// - Tiers and risk levels accept a name, a list, a range (`micro..mid`) or a comparison
///   (`>=mid`); all become the set of levels selected. A selection of nothing is refused.
struct QualifierValueParser {
    let characters: [Character]
    let query: String
    let limits: QueryLimits

    // MARK: Clauses

    func clause(_ qualifier: QueryQualifier, valueSpan: Range<Int>) throws(QueryError) -> QueryNode.Kind {
        let label = qualifier.rawValue
        let items = try listItems(valueSpan, qualifier: qualifier)
        switch qualifier.role {
        case .keyword(let field):
            var normalised: [String] = []
            for item in items { normalised.append(try keyword(field, item, qualifier: qualifier)) }
            return .keyword(field, Self.unique(normalised))
        case .platform:
            var platforms: [Platform] = []
            for item in items {
                platforms.append(try named(Platform.allCases, item, label: label, noun: "platform"))
            }
            return .platform(Self.unique(platforms))
        case .tier:
            var tiers = Set<Tier>()
            for item in items { tiers.formUnion(try ordinalSelection(Tier.allCases, item, label: label, noun: "tier")) }
            return .tier(Tier.allCases.filter(tiers.contains))
        case .risk:
            var levels = Set<RiskLevel>()
            for item in items {
                levels.formUnion(try ordinalSelection(RiskLevel.allCases, item, label: label, noun: "risk level"))
            }
            return .risk(RiskLevel.allCases.filter(levels.contains))
        case .numeric(let field):
            var predicates: [NumericPredicate] = []
            for item in items { predicates.append(try predicate(item, scale: field.scale, label: label)) }
            return .numeric(field, Self.unique(predicates))
        case .flag:
            var flags: [String] = []
            for item in items { flags.append(try named(QueryVocabulary.flagNames, item, label: label, noun: "flag")) }
            return .flag(Self.unique(flags))
        case .like:
            var references: [CreatorReference] = []
            for item in items { references.append(try creatorReference(item, qualifier: qualifier)) }
            return .like(Self.unique(references))
        case .audience(let field):
            let (keySpan, comparisonSpan) = try keyAndComparison(items[0], qualifier: qualifier, keyNoun: "key")
            let key = try audienceKey(field, keySpan, qualifier: qualifier)
            return .audience(field, key: key, try comparison(comparisonSpan, scale: .share(bounded: true, signed: false), label: label))
        case .overlap:
            let (referenceSpan, comparisonSpan) = try keyAndComparison(items[0], qualifier: qualifier, keyNoun: "creator")
            let reference = try creatorReference(referenceSpan, qualifier: qualifier)
            return .overlap(reference, try comparison(comparisonSpan, scale: .share(bounded: true, signed: false), label: label))
        case .directive:
            preconditionFailure("directives are taken out before clauses are parsed")
        }
    }

    // MARK: Directives

    func sortOrder(_ span: Range<Int>) throws(QueryError) -> SortOrder {
        var nameStart = span.lowerBound
        let descending = characters[nameStart] == "-"
        if descending { nameStart += 1 }
        let name = text(nameStart..<span.upperBound).lowercased()
        if name == QueryVocabulary.scoreSortKey { return .score }
        if let field = NumericField(rawValue: name) { return SortOrder(key: .field(field), descending: descending) }
        let valid = [QueryVocabulary.scoreSortKey] + NumericField.allCases.map(\.rawValue)
        let nameSpan = nameStart < span.upperBound ? nameStart..<span.upperBound : span // `sort:-` underlines the '-'
        throw error(.unknownSortField, "unknown sort field '\(text(nameSpan))'" + Self.suggestion(for: name, among: valid),
                    hint: "'-' before the field sorts largest first, e.g. sort:-er", span: nameSpan)
    }

    func limit(_ span: Range<Int>) throws(QueryError) -> Int {
        let value = try wholeNumber(span, label: "limit")
        guard value >= 1, value <= limits.maxLimit else {
            throw error(.badLimit, "limit must be between 1 and \(limits.maxLimit), not \(text(span))",
                        hint: "page through more results with offset:", span: span)
        }
        return value
    }

    func offset(_ span: Range<Int>) throws(QueryError) -> Int {
        let value = try wholeNumber(span, label: "offset")
        guard value >= 0 else {
            throw error(.badOffset, "negative offset \(text(span))", hint: "offset: counts results to skip, from 0", span: span)
        }
        guard value <= limits.maxOffset else {
            throw error(.badOffset, "offset too large (at most \(limits.maxOffset))", hint: "narrow the query instead", span: span)
        }
        return value
    }

    private func wholeNumber(_ span: Range<Int>, label: String) throws(QueryError) -> Int {
        guard case .success(let number) = QueryNumber.parse(characters[span]), number.suffix != .percent,
              number.value.rounded() == number.value, abs(number.value) <= 1e15 else {
            throw error(.badNumber, "bad number '\(text(span))' for '\(label):': expected a whole number",
                        hint: "e.g. \(label):50", span: span)
        }
        return Int(number.value)
    }

    // MARK: Lists

    private func listItems(_ span: Range<Int>, qualifier: QueryQualifier) throws(QueryError) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start = span.lowerBound
        for index in span where characters[index] == "," {
            guard qualifier.acceptsList else {
                throw error(.badValue, "'\(qualifier.rawValue):' takes one value, not a list",
                            hint: "write one '\(qualifier.rawValue):' per value, e.g. \(qualifier.example)",
                            span: index..<index + 1)
            }
            try appendItem(start..<index, comma: index, to: &items, qualifier: qualifier)
            start = index + 1
        }
        try appendItem(start..<span.upperBound, comma: start - 1, to: &items, qualifier: qualifier)
        return items
    }

    private func appendItem(_ item: Range<Int>, comma: Int, to items: inout [Range<Int>], qualifier: QueryQualifier) throws(QueryError) {
        guard !item.isEmpty else {
            throw error(.missingValue, "empty value in the list for '\(qualifier.rawValue):'",
                        hint: "separate values with single commas, e.g. \(qualifier.example)", span: comma..<comma + 1)
        }
        guard items.count < limits.maxListLength else {
            throw error(.listTooLong, "too many values for '\(qualifier.rawValue):' (more than \(limits.maxListLength))",
                        hint: nil, span: item)
        }
        items.append(item)
    }

    // MARK: Keywords and names

    private func keyword(_ field: KeywordField, _ span: Range<Int>, qualifier: QueryQualifier) throws(QueryError) -> String {
        let value = text(span)
        switch field {
        case .country:
            guard let code = Self.countryCode(value) else {
                throw badValue(value, qualifier, "a country is a two-letter ISO 3166-1 code", span: span)
            }
            return code
        case .lang:
            guard let code = Self.languageCode(value) else {
                throw badValue(value, qualifier, "a language is a 2–3 letter ISO 639 code", span: span)
            }
            return code
        case .category:
            return value.lowercased()
        case .hashtag:
            let tag = String(value.drop(while: { $0 == "#" || $0 == "＃" }))
            guard !tag.isEmpty else { throw badValue(value, qualifier, "a hashtag needs text after '#'", span: span) }
            return tag
        case .id:
            return value
        case .handle:
            let handle = value.hasPrefix("@") ? String(value.dropFirst()) : value
            guard !handle.isEmpty else { throw badValue(value, qualifier, "a handle needs text after '@'", span: span) }
            return handle
        }
    }

    /// Two ASCII letters, upper-cased.
    static func countryCode(_ value: String) -> String? {
        guard value.count == 2, value.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return value.uppercased()
    }

    /// A BCP 47 tag's primary subtag (2–3 ASCII letters), lower-cased; subtags after `-`/`_`
    /// must be ASCII letters or digits and are dropped.
    static func languageCode(_ value: String) -> String? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return primary.lowercased()
    }

    private func named<T: RawRepresentable<String>>(_ candidates: [T], _ span: Range<Int>, label: String, noun: String) throws(QueryError) -> T {
        let value = text(span)
        if let match = candidates.first(where: { $0.rawValue == value.lowercased() }) { return match }
        throw error(.badValue, "bad value '\(value)' for '\(label):'" + Self.suggestion(for: value, among: candidates.map(\.rawValue)),
                    hint: "valid \(noun)s: " + candidates.map(\.rawValue).joined(separator: ", "), span: span)
    }

    private func named(_ candidates: [String], _ span: Range<Int>, label: String, noun: String) throws(QueryError) -> String {
        try named(candidates.map { VocabularyName(rawValue: $0) }, span, label: label, noun: noun).rawValue
    }

    /// A name, `a..b`/`a..`/`..b`, or a comparison, over levels in increasing order.
    private func ordinalSelection<T: RawRepresentable<String> & Comparable>(
        _ levels: [T], _ span: Range<Int>, label: String, noun: String
    ) throws(QueryError) -> [T] {
        if let (comparison, rest) = comparisonPrefix(span) {
            guard !rest.isEmpty else { throw missingOperand(after: comparison, span: span, label: label) }
            let level = try named(levels, rest, label: label, noun: noun)
            let selected = levels.filter { comparison.holds($0, level) }
            guard !selected.isEmpty else {
                throw error(.badRange, "'\(text(span))' selects no \(noun)", hint: "valid \(noun)s: "
                            + levels.map(\.rawValue).joined(separator: ", "), span: span)
            }
            return selected
        }
        if let dots = rangeSeparator(span) {
            let lowerSpan = span.lowerBound..<dots
            let upperSpan = dots + 2..<span.upperBound
            guard !(lowerSpan.isEmpty && upperSpan.isEmpty) else { throw emptyRange(span) }
            let lower = lowerSpan.isEmpty ? nil : try named(levels, lowerSpan, label: label, noun: noun)
            let upper = upperSpan.isEmpty ? nil : try named(levels, upperSpan, label: label, noun: noun)
            if let lower, let upper, lower > upper {
                throw error(.badRange, "empty range: '\(lower.rawValue)' is above '\(upper.rawValue)'",
                            hint: "write the lower end first: \(label):\(upper.rawValue)..\(lower.rawValue)", span: span)
            }
            return levels.filter { level in (lower.map { level >= $0 } ?? true) && (upper.map { level <= $0 } ?? true) }
        }
        return [try named(levels, span, label: label, noun: noun)]
    }

    // MARK: Audience and creators

    /// Splits `KEY>=N` at the first comparison character.
    private func keyAndComparison(_ span: Range<Int>, qualifier: QueryQualifier, keyNoun: String) throws(QueryError) -> (Range<Int>, Range<Int>) {
        guard let operatorStart = span.first(where: { "<>=".contains(characters[$0]) }) else {
            throw error(.badValue, "'\(qualifier.rawValue):' needs a comparison after the \(keyNoun)",
                        hint: "e.g. \(qualifier.example)", span: span)
        }
        guard operatorStart > span.lowerBound else {
            throw error(.missingValue, "missing \(keyNoun) for '\(qualifier.rawValue):'",
                        hint: "e.g. \(qualifier.example)", span: span)
        }
        return (span.lowerBound..<operatorStart, operatorStart..<span.upperBound)
    }

    private func audienceKey(_ field: AudienceField, _ span: Range<Int>, qualifier: QueryQualifier) throws(QueryError) -> String {
        let value = text(span)
        if value.lowercased() == "other", field != .age { return "other" }
        switch field {
        case .country:
            guard let code = Self.countryCode(value) else {
                throw badValue(value, qualifier, "a country is a two-letter ISO 3166-1 code (or 'other')", span: span)
            }
            return code
        case .lang:
            guard let code = Self.languageCode(value) else {
                throw badValue(value, qualifier, "a language is a 2–3 letter ISO 639 code (or 'other')", span: span)
            }
            return code
        case .gender:
            return try named(QueryVocabulary.audienceGenders, span, label: qualifier.rawValue, noun: "gender")
        case .age:
            return try named(QueryVocabulary.audienceAgeBuckets, span, label: qualifier.rawValue, noun: "age bucket")
        case .interest:
            return value.lowercased()
        }
    }

    private func creatorReference(_ span: Range<Int>, qualifier: QueryQualifier) throws(QueryError) -> CreatorReference {
        let value = text(span)
        guard value.hasPrefix("@") else { return .id(value) }
        let handle = String(value.dropFirst())
        guard !handle.isEmpty else { throw badValue(value, qualifier, "a handle needs text after '@'", span: span) }
        return .handle(handle)
    }

    // MARK: Numbers

    private func predicate(_ span: Range<Int>, scale: QueryValueScale, label: String) throws(QueryError) -> NumericPredicate {
        if comparisonPrefix(span) != nil { return try comparison(span, scale: scale, label: label) }
        if let dots = rangeSeparator(span) {
            let lowerSpan = span.lowerBound..<dots
            let upperSpan = dots + 2..<span.upperBound
            guard !(lowerSpan.isEmpty && upperSpan.isEmpty) else { throw emptyRange(span) }
            let lower = lowerSpan.isEmpty ? nil : try number(lowerSpan, scale: scale, label: label)
            let upper = upperSpan.isEmpty ? nil : try number(upperSpan, scale: scale, label: label)
            if let lower, let upper, lower > upper {
                throw error(.badRange, "empty range: \(text(lowerSpan)) is greater than \(text(upperSpan))",
                            hint: "write the lower end first: \(label):\(text(upperSpan))..\(text(lowerSpan))", span: span)
            }
            return .range(lower: lower, upper: upper)
        }
        return .comparison(.equal, try number(span, scale: scale, label: label))
    }

    /// `>=N`-style comparison; the whole span must be operator and number.
    private func comparison(_ span: Range<Int>, scale: QueryValueScale, label: String) throws(QueryError) -> NumericPredicate {
        guard let (comparison, rest) = comparisonPrefix(span) else {
            throw error(.badValue, "expected a comparison (>, >=, <, <=, =) for '\(label):'", hint: nil, span: span)
        }
        guard !rest.isEmpty else { throw missingOperand(after: comparison, span: span, label: label) }
        return .comparison(comparison, try number(rest, scale: scale, label: label))
    }

    private func number(_ span: Range<Int>, scale: QueryValueScale, label: String) throws(QueryError) -> Double {
        let written = text(span)
        let number: QueryNumber
        switch QueryNumber.parse(characters[span]) {
        case .success(let parsed):
            number = parsed
        case .failure(.tooLong):
            throw error(.badNumber, "number '\(written)' has too many digits (at most \(QueryNumber.maxDigits))",
                        hint: nil, span: span)
        case .failure(.malformed):
            let hint = switch scale {
            case .amount: "numbers look like 500, 2.5, 10k or 1.5m"
            case .share: "shares look like 3% or 0.03"
            }
            throw error(.badNumber, "bad number '\(written)' for '\(label):'", hint: hint, span: span)
        }
        switch scale {
        case .amount:
            if number.suffix == .percent {
                throw error(.badNumber, "'\(label):' is not a share: '%' does not apply",
                            hint: "write a number like 500, 10k or 1.5m", span: span)
            }
            if number.value < 0 {
                throw error(.badNumber, "'\(label):' cannot be negative", hint: nil, span: span)
            }
        case .share(let bounded, let signed):
            if number.suffix == .thousand || number.suffix == .million {
                throw error(.badNumber, "'\(label):' is a share: 'k' and 'm' do not apply",
                            hint: "write a share as 3% or 0.03", span: span)
            }
            if !signed, number.value < 0 {
                throw error(.badNumber, "'\(label):' cannot be negative", hint: nil, span: span)
            }
            if number.suffix == .none, abs(number.value) > 1 {
                throw error(.badNumber, "ambiguous share '\(written)' for '\(label):'",
                            hint: "write \(written)% or \(QueryNumber.decimalText(number.value, shift: -2))", span: span)
            }
            if bounded, number.value > 1 {
                throw error(.badNumber, "'\(label):' is a share and cannot exceed 100%", hint: nil, span: span)
            }
        }
        return number.value
    }

    // MARK: Pieces

    /// A leading comparison operator (longest match) and the characters after it.
    private func comparisonPrefix(_ span: Range<Int>) -> (ComparisonOperator, Range<Int>)? {
        guard let first = span.first else { return nil }
        let second = span.count > 1 ? characters[first + 1] : nil
        let comparison: ComparisonOperator
        switch (characters[first], second) {
        case (">", "="): comparison = .greaterOrEqual
        case ("<", "="): comparison = .lessOrEqual
        case (">", _): comparison = .greater
        case ("<", _): comparison = .less
        case ("=", _): comparison = .equal
        default: return nil
        }
        return (comparison, first + comparison.rawValue.count..<span.upperBound)
    }

    /// Offset of the first `..` in the span.
    private func rangeSeparator(_ span: Range<Int>) -> Int? {
        span.dropLast().first { characters[$0] == "." && characters[$0 + 1] == "." }
    }

    private func text(_ span: Range<Int>) -> String { String(characters[span]) }

    private static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }

    private static func suggestion(for value: String, among candidates: [String]) -> String {
        if let nearest = NameSuggestion.nearest(to: value, among: candidates) { return " (did you mean '\(nearest)'?)" }
        guard candidates.count <= 12 else { return "" }
        return " (expected one of: " + candidates.joined(separator: ", ") + ")"
    }

    private func badValue(_ value: String, _ qualifier: QueryQualifier, _ reason: String, span: Range<Int>) -> QueryError {
        error(.badValue, "bad value '\(value)' for '\(qualifier.rawValue):': \(reason)", hint: "e.g. \(qualifier.example)", span: span)
    }

    private func emptyRange(_ span: Range<Int>) -> QueryError {
        error(.badRange, "a range needs at least one end", hint: "e.g. 10k..200k, 10k.. or ..200k", span: span)
    }

    private func missingOperand(after comparison: ComparisonOperator, span: Range<Int>, label: String) -> QueryError {
        error(.missingValue, "missing value after '\(comparison.rawValue)' for '\(label):'", hint: nil, span: span)
    }

    private func error(_ kind: QueryError.Kind, _ message: String, hint: String?, span: Range<Int>) -> QueryError {
        QueryError(kind: kind, message: message, hint: hint, span: span, query: query)
    }
}

/// A plain string name, so string vocabularies share the enum lookup path.
private struct VocabularyName: RawRepresentable {
    var rawValue: String
    init(rawValue: String) { self.rawValue = rawValue }
}
