import CreatorText

/// Turns a validated profile into an `AnalyzedDocument`: analyses its text fields with the
/// ICU analyser (the same one queries use), folds its keywords, sketches its audience
/// sample and encodes its display record (`StoredRecord`). Not thread-safe: one per worker thread.
public final class DocumentAnalyzer {
    private let analyzer: TextAnalyzer

    /// Positions between two captions (or two hashtags, or a handle's two forms) skip this
    /// many, so a phrase never matches across the boundary. One empty position is enough:
    /// the analyser numbers a text's words densely, so a phrase's terms sit at consecutive
    /// positions and no phrase can step over a position that holds no term. Small gaps keep
    /// the position deltas of the captions field to one varint byte (a gap of 100 made it
    /// about a fifth larger).
    static let positionGap: UInt32 = 2

    public init() throws {
        analyzer = try TextAnalyzer()
    }

    /// The field being analysed, reused between fields and calls to save allocations.
    private var arena = TermArena()
    private var grouping = FieldTerms.Grouping()

    public func analyze(_ profile: CreatorProfile) -> AnalyzedDocument {
        var fields: [FieldTerms] = []
        var captionHashtags: [String] = []
        for field in TextField.allCases {
            arena.removeAll()
            func add(_ text: String?) {
                guard let text, !text.isEmpty else { return }
                let start = arena.positions.last.map { $0 + Self.positionGap } ?? 0
                analyzer.analyze(text, appendingTo: &arena, firstPosition: start)
            }
            switch field {
            case .name: add(profile.name)
            case .handle: for text in Self.handleTexts(profile.handle) { add(text) }
            case .bio: add(profile.bio)
            case .hashtags: for tag in profile.hashtags { add("#" + tag) }
            case .captions: for post in profile.recentPosts { add(post.caption) }
            }
            let terms = FieldTerms(arena: arena, scratch: &grouping)
            if field == .captions { captionHashtags = Self.hashtagBodies(terms) }
            fields.append(terms)
        }
        let hashtags = unique(profile.hashtags.map { analyzer.foldKeyword($0) } + captionHashtags)
        let categories = unique(profile.categories.map { analyzer.foldKeyword($0) })
        let sample = profile.audience?.sample ?? []
        let stored = StoredRecord.encode(profile)
        let risk = RiskSignals(profile: profile)
        // The index needs the posts no more (they are analysed and stored): free their
        // many strings here, on the worker, rather than on the merging thread.
        var indexed = profile
        indexed.recentPosts = []
        return AnalyzedDocument(
            profile: indexed, fields: fields, hashtags: hashtags, categories: categories,
            sketch: sample.isEmpty ? nil : AudienceSketch(sample: sample), stored: stored, risk: risk,
            lookalike: LookalikeFeatures(profile: profile, categories: categories))
    }

    /// The texts indexed for a handle: the handle itself (one word to ICU when its parts
    /// are joined by `.`, as in `viktoria.sokolova`) and, when it has separators, its parts
    /// (`viktoria sokolova`), so that a name typed as a word finds the handle.
    public static func handleTexts(_ handle: String) -> [String] {
        let parts = String(handle.map { ".-_".contains($0) ? " " : $0 })
        return parts == handle ? [handle] : [handle, parts]
    }

    /// Folds a keyword the way the index folds hashtags and categories (for queries).
    public func foldKeyword(_ keyword: String) -> String { analyzer.foldKeyword(keyword) }

    /// The bodies of the distinct `#…` terms (longer than the `#`) of `terms`, in
    /// first-occurrence order: the same keys, after `unique`, as taking them from every token.
    static func hashtagBodies(_ terms: FieldTerms) -> [String] {
        var bodies: [String] = []
        let hash = UInt8(ascii: "#")
        for term in 0..<terms.count {
            let bytes = terms.bytes(of: term)
            guard bytes.count > 1, bytes.first == hash else { continue }
            // An ASCII byte after the `#` starts a character of its own; otherwise ask
            // `String`, which counts characters as the token arrays did.
            if bytes[bytes.startIndex + 1] < 0x80 {
                bodies.append(String(decoding: bytes.dropFirst(), as: UTF8.self))
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                if text.hasPrefix("#") && text.count > 1 { bodies.append(String(text.dropFirst())) }
            }
        }
        return bodies
    }

    /// The non-empty keys, each once, in first-occurrence order. A profile has a few dozen
    /// keys at most, which a linear scan dedupes faster than hashing each into a `Set`.
    private func unique(_ keys: [String]) -> [String] {
        guard keys.count > 32 else {
            var result: [String] = []
            result.reserveCapacity(keys.count)
            for key in keys where !key.isEmpty && !result.contains(key) { result.append(key) }
            return result
        }
        var seen = Set<String>()
        return keys.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
