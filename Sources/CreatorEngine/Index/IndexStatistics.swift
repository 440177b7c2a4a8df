/// A description of an opened index for people (`creators stats`) and programs (`--json`).
public struct IndexStatistics: Sendable {
    public let path: String
    public let fileBytes: Int
    public let meta: IndexMeta
    /// The most common keys per facet, most common first.
    public let facets: [(facet: Facet, keyCount: Int, top: [(key: String, count: Int)])]
    /// How many creators have a known value, per column.
    public let knownValues: [(column: NumericColumn, count: Int)]
    /// Creators per risk level, and per fraud-risk flag (`docs/risk.md`).
    public let riskLevels: [(level: RiskLevel, count: Int)]
    public let riskFlags: [(flag: RiskFlag, count: Int)]

    public init(index: CreatorIndex, top: Int = 10) {
        path = index.file.path
        fileBytes = index.file.file.count
        meta = index.meta
        facets = Facet.allCases.map { facet in
            let counts = index.facet(facet).counts
            let sorted = counts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
            return (facet, counts.count, Array(sorted.prefix(max(0, top))))
        }
        knownValues = NumericColumn.allCases.map { column in
            (column, index.column(column).knownCount)
        }
        riskLevels = RiskLevel.allCases.map { ($0, index.risk.count(at: $0)) }
        riskFlags = RiskFlag.allCases.map { ($0, index.risk.count(flagged: $0)) }
    }

    public var text: String {
        var lines: [String] = []
        lines.append("Index \(path)")
        lines.append("  \(meta.documentCount) creators, \(fileBytes / 1024) KiB on disk, built \(meta.build.builtAt)")
        lines.append("  from \(meta.build.linesRead) lines = \(meta.build.accepted) accepted + \(meta.build.rejected) rejected + \(meta.build.superseded) superseded")
        lines.append("  sources: \(meta.build.sources.joined(separator: ", "))")
        lines.append("  currency rates of \(meta.build.currencyRatesDate)")
        lines.append("Text fields (terms, average tokens per creator):")
        for field in meta.fields {
            let average = meta.documentCount > 0 ? Double(field.totalLength) / Double(meta.documentCount) : 0
            lines.append("  \(field.name): \(field.termCount) terms, \((average * 10).rounded() / 10) tokens")
        }
        for (facet, keyCount, top) in facets {
            let listed = top.map { "\($0.key) \($0.count)" }.joined(separator: ", ")
            lines.append("\(facet.rawValue) (\(keyCount) values): \(listed)")
        }
        lines.append("Known values: " + knownValues.map { "\($0.column.rawValue) \($0.count)" }.joined(separator: ", "))
        lines.append("Risk: " + riskLevels.map { "\($0.level.rawValue) \($0.count)" }.joined(separator: ", ")
                     + "; flags: " + riskFlags.map { "\($0.flag.rawValue) \($0.count)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    public var json: String {
        var json = JSONWriter()
        json.beginObject()
        json.key("path"); json.value(path)
        json.key("file_bytes"); json.value(fileBytes)
        json.key("documents"); json.value(meta.documentCount)
        json.key("built_at"); json.value(meta.build.builtAt)
        json.key("lines_read"); json.value(meta.build.linesRead)
        json.key("accepted"); json.value(meta.build.accepted)
        json.key("rejected"); json.value(meta.build.rejected)
        json.key("superseded"); json.value(meta.build.superseded)
        json.field("sources", meta.build.sources)
        json.key("fields")
        json.beginObject()
        for field in meta.fields {
            json.key(field.name)
            json.beginObject()
            json.key("terms"); json.value(field.termCount)
            json.key("tokens"); json.value(Int64(field.totalLength))
            json.endObject()
        }
        json.endObject()
        json.key("facets")
        json.beginObject()
        for (facet, keyCount, top) in facets {
            json.key(facet.rawValue)
            json.beginObject()
            json.key("values"); json.value(keyCount)
            json.key("top")
            json.beginObject()
            for (key, count) in top { json.key(key); json.value(count) }
            json.endObject()
            json.endObject()
        }
        json.endObject()
        json.key("known_values")
        json.beginObject()
        for (column, count) in knownValues { json.key(column.rawValue); json.value(count) }
        json.endObject()
        json.key("risk_levels")
        json.beginObject()
        for (level, count) in riskLevels { json.key(level.rawValue); json.value(count) }
        json.endObject()
        json.key("risk_flags")
        json.beginObject()
        for (flag, count) in riskFlags { json.key(flag.rawValue); json.value(count) }
        json.endObject()
        json.endObject()
        return json.string
    }
}
