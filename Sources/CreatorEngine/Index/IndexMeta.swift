import Foundation

/// Facts about an index generation, stored as JSON in its `meta` section.
public struct IndexMeta: Codable, Sendable, Equatable {
    public var formatVersion: Int
    public var documentCount: Int
    public var sketchBuckets: Int
    public var fields: [FieldFacts]
    public var build: BuildFacts

    public struct FieldFacts: Codable, Sendable, Equatable {
        public var name: String
        /// Tokens over all documents; divided by `documentCount` it is BM25's average length.
        public var totalLength: UInt64
        public var termCount: Int
    }

    /// What the build that made the index read and decided.
    public struct BuildFacts: Codable, Sendable, Equatable {
        public var builtAt: String
        public var sources: [String]
        public var linesRead: Int
        public var accepted: Int
        public var rejected: Int
        public var superseded: Int
        public var currencyRatesDate: String

        public init(builtAt: String, sources: [String], linesRead: Int, accepted: Int, rejected: Int,
                    superseded: Int, currencyRatesDate: String) {
            self.builtAt = builtAt
            self.sources = sources
            self.linesRead = linesRead
            self.accepted = accepted
            self.rejected = rejected
            self.superseded = superseded
            self.currencyRatesDate = currencyRatesDate
        }
    }

    public func averageLength(of field: TextField) -> Double {
        guard documentCount > 0, let facts = fields.first(where: { $0.name == field.rawValue }) else { return 0 }
        return Double(facts.totalLength) / Double(documentCount)
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> IndexMeta {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(IndexMeta.self, from: Data(bytes))
        } catch {
            throw IndexError.corrupt("metadata does not decode: \(error)")
        }
    }
}
