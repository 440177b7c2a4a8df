/// Single-valued facets by document (platform, country, tier), inverted once from the
/// facet postings when a searcher opens, so that hits and the quality score read them in
/// O(1). Six bytes per creator.
public struct DocumentFacets: Sendable {
    /// Index into `platforms` per document.
    let platformOf: OwnedBuffer<UInt16>
    /// Index into `tiers` per document.
    let tierOf: OwnedBuffer<UInt16>
    /// Index into `countries` per document, `UInt16.max` when unknown.
    let countryOf: OwnedBuffer<UInt16>
    public let platforms: [String]
    public let tiers: [String]
    public let countries: [String]

    init(index: CreatorIndex) {
        let count = index.documentCount
        /// `UInt16.max` marks an unknown value.
        func invert(_ facet: Facet) -> (codes: OwnedBuffer<UInt16>, keys: [String]) {
            let reader = index.facet(facet)
            var codes = [UInt16](repeating: .max, count: count)
            var keys: [String] = []
            for key in 0..<min(reader.keys.count, Int(UInt16.max)) {
                keys.append(reader.keys[key])
                let documents = reader.documents(at: key)
                for position in 0..<documents.count { codes[Int(documents[position])] = UInt16(key) }
            }
            return (OwnedBuffer(codes), keys)
        }
        (platformOf, platforms) = invert(.platform)
        (tierOf, tiers) = invert(.tier)
        (countryOf, countries) = invert(.country)
    }

    public func platform(of document: Int) -> String? { Self.key(platformOf.buffer[document], platforms) }
    public func tier(of document: Int) -> String? { Self.key(tierOf.buffer[document], tiers) }
    public func country(of document: Int) -> String? { Self.key(countryOf.buffer[document], countries) }

    /// The per-document codes of a single-valued facet and the code of `key` in them, for
    /// O(1) checks (`nil` for multi-valued facets, or a key no creator has).
    func codes(of facet: Facet, key: String) -> (codes: UnsafeBufferPointer<UInt16>, code: UInt16)? {
        let (codes, keys): (OwnedBuffer<UInt16>, [String])
        switch facet {
        case .platform: (codes, keys) = (platformOf, platforms)
        case .tier: (codes, keys) = (tierOf, tiers)
        case .country: (codes, keys) = (countryOf, countries)
        default: return nil
        }
        return keys.firstIndex(of: key).map { (codes.buffer, UInt16($0)) }
    }

    private static func key(_ code: UInt16, _ keys: [String]) -> String? {
        Int(code) < keys.count ? keys[Int(code)] : nil
    }
}
