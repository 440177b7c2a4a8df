import Foundation
import Testing
@testable import CreatorEngine

@Suite("Numeric columns: every layout reads back each value bit for bit")
struct ColumnValuesTests {
    /// Encodes `values` as the build does and reads them back from the bytes.
    private func roundTrip(_ values: [Double]) throws -> (read: [Double], layoutBytes: Int) {
        let bytes = ColumnValues.encode(values)
        return try bytes.withUnsafeBytes { raw in
            let view = ByteView(base: raw.baseAddress!, count: raw.count, context: "column.test")
            let column = try ColumnValues(view, documentCount: values.count)
            #expect(column.count == values.count)
            #expect(column.knownCount == values.count(where: { !$0.isNaN }))
            return (Array(column), bytes.count)
        }
    }

    private func expectSameBits(_ read: [Double], _ values: [Double], _ layout: String) {
        #expect(read.count == values.count, "\(layout)")
        for (document, (got, want)) in zip(read, values).enumerated() where !(got.isNaN && want.isNaN) {
            #expect(got.bitPattern == want.bitPattern, "\(layout): document \(document) read \(got), stored \(want)")
        }
        #expect(zip(read, values).allSatisfy { $0.isNaN == $1.isNaN }, "\(layout): unknown values")
    }

    @Test("whole numbers, fractions, large and negative values, few distinct values, with and without unknowns",
          arguments: 0..<30)
    func layouts(seed: Int) throws {
        var random = SplitMixRandom(seed: UInt64(seed))
        let count = [0, 1, 63, 64, 65, 1000, 4099][seed % 7]
        let unknownShare = [0.0, 0.05, 0.6, 1.0][seed % 4]
        let kind = seed / 6 % 5
        let few: [Double] = [0, -0.0, 0.5, 1.0 / 3.0, -7.25, 1e300, 4_294_967_295, 123.4, .infinity]
        let values: [Double] = (0..<count).map { _ in
            if Double(random.next() % 1000) / 1000 < unknownShare { return .nan }
            let whole = Double(random.next() % 5_000_000_000)
            switch kind {
            case 0: return Double(UInt32(truncatingIfNeeded: random.next()) % 100_000)     // u32 rows
            case 1: return whole / 7                                                         // fractions: f64
            case 2: return random.next() % 50 == 0 ? Double(UInt32.max) : whole > Double(UInt32.max) ? whole : -whole // too large, or negative
            case 3: return random.next() % 5 == 0 ? -0.0 : Double(random.next() % 10)      // -0.0 is not a u32
            default: return few[Int(random.next() % UInt64(few.count))]                      // u16 codes
            }
        }
        let (read, _) = try roundTrip(values)
        expectSameBits(read, values, "seed \(seed), kind \(kind), \(count) values, \(unknownShare) unknown")
        // A scan for the values in a range sets the bits of the documents whose value is in it.
        let known = values.filter { !$0.isNaN }.sorted()
        let low = known.isEmpty ? 0 : known[known.count / 4], high = known.isEmpty ? 0 : known[known.count * 3 / 4]
        let bytes = ColumnValues.encode(values)
        try bytes.withUnsafeBytes { raw in
            let column = try ColumnValues(ByteView(base: raw.baseAddress!, count: raw.count, context: "column.test"), documentCount: values.count)
            let words = column.matchingWords { $0 >= low && $0 <= high }
            #expect(words.count == (values.count + 63) / 64)
            for (document, value) in values.enumerated() {
                let set = words[document >> 6] >> UInt64(document & 63) & 1 == 1
                #expect(set == (value >= low && value <= high), "seed \(seed): document \(document), value \(value), range \(low)...\(high)")
            }
            #expect(words.last.map { values.count % 64 == 0 || $0 >> UInt64(values.count % 64) == 0 } ?? true, "bits past the last document")
        }
    }

    @Test("whole numbers take four bytes a row, few distinct values two and a table, and a column known for under half the documents a row per known value")
    func sizes() throws {
        let count = 6400
        let whole = (0..<count).map { $0 % 3 == 0 ? .nan : Double($0 * 3) }
        #expect(try roundTrip(whole).layoutBytes == 8 + 4 * count)
        let fractions = (0..<count).map { Double($0) + 0.5 }
        #expect(try roundTrip(fractions).layoutBytes == 8 + 8 * count)
        let fewFractions = (0..<count).map { $0 % 3 == 0 ? .nan : Double($0 % 100) + 0.5 }
        #expect(try roundTrip(fewFractions).layoutBytes == 8 + 8 + 8 * 100 + 2 * count)
        let fewWhole = (0..<count).map { Double($0 % 50) }
        #expect(try roundTrip(fewWhole).layoutBytes == 8 + 8 + 8 * 50 + 2 * count)
        let sparse = (0..<count).map { $0 % 10 == 0 ? Double($0) + 0.25 : .nan }
        #expect(try roundTrip(sparse).layoutBytes == 8 + count / 8 + 8 * (count / 10))
        let sparseWhole = (0..<count).map { $0 % 10 == 0 ? Double($0) : .nan }
        #expect(try roundTrip(sparseWhole).layoutBytes == 8 + count / 8 + 4 * (count / 10))
        // 2^32 − 1 marks an unknown u32, so a column holding it keeps f64 rows.
        let largest = (0..<count).map { $0 == 7 ? Double(UInt32.max) : Double($0) }
        #expect(try roundTrip(largest).layoutBytes == 8 + 8 * count)
    }
}
