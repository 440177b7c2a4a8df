/// Single-valued facets by document (platform, country, tier), inverted once from the
/// facet postings when a searcher opens, so that hits and the quality score read them in
/// O(1). About 4 bytes per creator.
public struct DocumentFacets: Sendable {
    /// Index into `platforms` per document.
    let platformOf: [UInt8]
    /// Index into `tiers` per document.
    let tierOf: [UInt8]
    /// Index into `countries` per document, `UInt16.max` when unknown.
    let countryOf: [UInt16]
    public let platforms: [String]
    public let tiers: [String]
    public let countries: [String]

    init(index: CreatorIndex) {
        let count = index.documentCount
        func invert<Code: FixedWidthInteger>(_ facet: Facet, unknown: Code) -> (codes: [Code], keys: [String]) {
            let reader = index.facet(facet)
            var codes = [Code](repeating: unknown, count: count)
            var keys: [String] = []
            for key in 0..<min(reader.keys.count, Int(unknown)) {
                keys.append(reader.keys[key])
                for document in reader.documents(at: key) { codes[Int(document)] = Code(key) }
            }
            return (codes, keys)
        }
        (platformOf, platforms) = invert(.platform, unknown: UInt8.max)
        (tierOf, tiers) = invert(.tier, unknown: UInt8.max)
        (countryOf, countries) = invert(.country, unknown: UInt16.max)
    }

    public func platform(of document: Int) -> String? { Self.key(platformOf[document], platforms) }
    public func tier(of document: Int) -> String? { Self.key(tierOf[document], tiers) }
    public func country(of document: Int) -> String? { Self.key(countryOf[document], countries) }

    private static func key<Code: FixedWidthInteger>(_ code: Code, _ keys: [String]) -> String? {
        Int(code) < keys.count ? keys[Int(code)] : nil
    }
}
