/// A distribution over keys (countries, languages, genders, age buckets, interests),
/// renormalised at ingest so its shares sum to 1. A key absent from a present
/// distribution has share 0; an absent distribution is unknown (`nil` where it is held).
public struct Distribution: Sendable, Equatable, Hashable {
    /// Shares by key, sorted by key so that equal distributions compare and store alike.
    public private(set) var entries: [Entry]

    public struct Entry: Sendable, Equatable, Hashable {
        public var key: String
        public var share: Double
        public init(key: String, share: Double) {
            self.key = key
            self.share = share
        }
    }

    /// Builds a distribution from raw shares; the caller has validated them.
    public init(_ shares: [String: Double]) {
        entries = shares.map { Entry(key: $0.key, share: $0.value) }.sorted { $0.key < $1.key }
    }

    /// The share of `key`, 0 when the key is absent.
    public func share(of key: String) -> Double {
        entries.first { $0.key == key }?.share ?? 0
    }

    public var total: Double { entries.reduce(0) { $0 + $1.share } }

    /// The same distribution scaled so its shares sum to 1.
    public func renormalised() -> Distribution {
        let sum = total
        guard sum > 0 else { return self }
        var copy = self
        copy.entries = entries.map { Entry(key: $0.key, share: $0.share / sum) }
        return copy
    }
}
