/// Single-valued facets by document (platform, country, tier), inverted once from the
/// facet postings when a searcher opens, so that hits and the quality score read them in
/// O(1). About 4 bytes per creator.
public struct DocumentFacets: Sendable {
    /// Index into `platforms` per document.
    let platformOf: OwnedBuffer<UInt8>
    /// Index into `tiers` per document.
    let tierOf: OwnedBuffer<UInt8>
    /// Index into `countries` per document, `UInt16.max` when unknown.
    let countryOf: OwnedBuffer<UInt16>
    public let platforms: [String]
    public let tiers: [String]
    public let countries: [String]

    init(index: CreatorIndex) {
        let count = index.documentCount
        func invert<Code: FixedWidthInteger>(_ facet: Facet, unknown: Code) -> (codes: OwnedBuffer<Code>, keys: [String]) {
            let reader = index.facet(facet)
            var codes = [Code](repeating: unknown, count: count)
            var keys: [String] = []
            for key in 0..<min(reader.keys.count, Int(unknown)) {
                keys.append(reader.keys[key])
                for document in reader.documents(at: key) { codes[Int(document)] = Code(key) }
            }
            return (OwnedBuffer(codes), keys)
        }
        (platformOf, platforms) = invert(.platform, unknown: UInt8.max)
        (tierOf, tiers) = invert(.tier, unknown: UInt8.max)
        (countryOf, countries) = invert(.country, unknown: UInt16.max)
    }

    public func platform(of document: Int) -> String? { Self.key(platformOf.buffer[document], platforms) }
    public func tier(of document: Int) -> String? { Self.key(tierOf.buffer[document], tiers) }
    public func country(of document: Int) -> String? { Self.key(countryOf.buffer[document], countries) }

    /// The per-document codes of a single-valued facet and the code of `key` in them, for
    /// O(1) checks (`nil` for multi-valued facets, or a key no creator has).
    func codes(of facet: Facet, key: String) -> (codes: UnsafeBufferPointer<UInt16>?, small: UnsafeBufferPointer<UInt8>?, code: Int)? {
        switch facet {
        case .platform: platforms.firstIndex(of: key).map { (nil, platformOf.buffer, $0) }
        case .tier: tiers.firstIndex(of: key).map { (nil, tierOf.buffer, $0) }
        case .country: countries.firstIndex(of: key).map { (countryOf.buffer, nil, $0) }
        default: nil
        }
    }

    private static func key<Code: FixedWidthInteger>(_ code: Code, _ keys: [String]) -> String? {
        Int(code) < keys.count ? keys[Int(code)] : nil
    }
}
