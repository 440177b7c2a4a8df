import Foundation

/// Okapi BM25 for one field: how well a document's field matches one term, given how rare
/// the term is and how long the field is against the field's average.
///
/// `k1 = 1.2`, `b = 0.75` (the usual defaults: creator texts are short, mostly bios and
/// captions, and these measured no worse than the alternatives we tried; see `docs/search.md`).
public struct BM25: Sendable, Hashable {
    public var k1: Double = 1.2
    public var b: Double = 0.75

    public init() {}

    /// Inverse document frequency, Lucene's always-positive form:
    /// `ln(1 + (N - df + 0.5) / (df + 0.5))`.
    public func idf(documentFrequency: Int, documentCount: Int) -> Double {
        let n = Double(documentCount), df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The term-frequency part for one field (`FieldWeight.termWeight`: saturates with `tf`,
    /// penalises fields longer than average), its constants computed once: per call a
    /// multiply-add and one division, where the plain formula divides twice.
    public func field(averageLength: Double) -> FieldWeight {
        FieldWeight(saturation: k1 + 1, constant: averageLength > 0 ? k1 * (1 - b) : k1,
                    perLength: averageLength > 0 ? k1 * b / averageLength : 0)
    }

    /// `tf · (k1 + 1) / (tf + k1 · (1 − b + b · length / averageLength))` with the field's
    /// constants folded: `tf · saturation / (tf + constant + perLength · length)`.
    public struct FieldWeight: Sendable, Hashable {
        public let saturation: Double
        public let constant: Double
        public let perLength: Double

        @inline(__always) public func termWeight(frequency: Double, length: Double) -> Double {
            guard frequency > 0 else { return 0 }
            return frequency * saturation / (frequency + constant + perLength * length)
        }
    }
}
