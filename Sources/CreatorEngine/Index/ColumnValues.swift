/// One numeric column (`column.<name>`), read in place: every document's value as a
/// `Double`, NaN where unknown.
///
/// The build picks the smallest exact layout for each column. Values that are all whole
/// numbers in 0..<2^32 − 1 (follower counts, dates in seconds, collaboration counts) can be
/// kept as `u32` (2^32 − 1 marking an unknown value); a column of at most 65,535 distinct
/// values (averages of one decimal, prices, credibility) as `u16` codes into a table of
/// them, ascending (65,535 marking an unknown value: 26 MB less at 1M creators); any other
/// as `f64` (NaN). A column known for fewer
/// than half the documents keeps rows only for those, with a bitset of which
/// (`PresenceBitset`); the others keep a row per document, which range filters read
/// fastest (rows only for the known ones made the range queries of the benchmark mix 8 %
/// slower for 16 MB less at 1M). At 1M generated creators the columns take 90 MB instead
/// of 168 MB as `f64` per document, and every value reads back bit for bit (tested on
/// random columns of each layout).
///
/// ```
/// u32 flags (bit 0: rows are u32; bit 1: sparse; bit 2: rows are u16 codes; else f64) · u32 rows
/// sparse: u64 present[(documents + 63) / 64]
/// codes: u32 value count · u32 0 · f64 values[value count]
/// rows × (u32, u16 or f64), padded to 8 bytes before f64 values or rows
/// ```
public struct ColumnValues: RandomAccessCollection, @unchecked Sendable {
    // Views into the immutable mapping that the owning `CreatorIndex` keeps alive.
    public let count: Int
    /// `nil` when every document has a row (row = document).
    private let present: PresenceBitset?
    private let doubles: UnsafeBufferPointer<Double>
    private let integers: UnsafeBufferPointer<UInt32>
    private let codes: UnsafeBufferPointer<UInt16>
    /// The values the codes stand for (`codes` layout).
    private let codeValues: UnsafeBufferPointer<Double>
    private let layout: Layout

    private enum Layout { case doubles, integers, codes }

    private enum Flag {
        static let integers: UInt32 = 1
        static let sparse: UInt32 = 2
        static let codes: UInt32 = 4
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Marks an unknown value in a column of `u32` rows with a row per document.
    private static let unknownInteger = UInt32.max
    /// Marks an unknown value in a column of `u16` codes with a row per document.
    private static let unknownCode = UInt16.max

    /// The document's value, NaN when unknown.
    @inline(__always) public subscript(document: Int) -> Double {
        var row = document
        if let present {
            guard present.contains(document) else { return .nan }
            row = present.row(of: document)
        }
        switch layout {
        case .doubles: return doubles[row]
        case .integers:
            let value = integers[row]
            return value == Self.unknownInteger ? .nan : Double(value)
        case .codes:
            let code = codes[row]
            return code == Self.unknownCode ? .nan : codeValues[Int(code)]
        }
    }

    /// Starts reading the document's value into the caches (see `RankingBatch`); does
    /// nothing for a sparse column, whose row needs its bitset read first.
    func prefetch(_ document: Int) {
        guard present == nil else { return }
        switch layout {
        case .doubles: doubles.prefetch(document)
        case .integers: integers.prefetch(document)
        case .codes: codes.prefetch(document)
        }
    }

    /// The documents whose value passes `passes` (never called with NaN: unknown values
    /// pass nothing), as the words of a bitset (bit `d % 64` of word `d / 64`). One pass over
    /// the rows in their own layout: a sparse column walks its presence bits, rows in order,
    /// instead of counting the bits before each document, and a coded column asks `passes`
    /// once per distinct value. A range over a column whose sorted order is not made yet
    /// (a one-shot `creators search`) took 2.4 ns a document through the subscript (perf,
    /// 7 Dec); this is the same answer without the per-document lookups.
    func matchingWords(_ passes: (Double) -> Bool) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (count + 63) / 64)
        words.withUnsafeMutableBufferPointer { words in
            switch layout {
            case .doubles:
                fill(words) { row in passes(doubles[row]) }
            case .integers:
                fill(words) { row in integers[row] != Self.unknownInteger && passes(Double(integers[row])) }
            case .codes:
                let passing = codeValues.map(passes)
                passing.withUnsafeBufferPointer { passing in
                    fill(words) { row in codes[row] != Self.unknownCode && passing[Int(codes[row])] }
                }
            }
        }
        return words
    }

    /// Sets in `words` the bit of each document whose row passes `rowPasses`.
    @inline(__always) private func fill(_ words: UnsafeMutableBufferPointer<UInt64>, _ rowPasses: (Int) -> Bool) {
        if let present {
            var row = 0
            for index in 0..<present.words.count {
                var bits = present.words[index], passing: UInt64 = 0
                while bits != 0 {
                    if rowPasses(row) { passing |= bits & (0 &- bits) }
                    row += 1
                    bits &= bits &- 1
                }
                words[index] = passing
            }
        } else {
            for start in stride(from: 0, to: count, by: 64) {
                var passing: UInt64 = 0
                for offset in 0..<Swift.min(64, count - start) where rowPasses(start + offset) { passing |= 1 << UInt64(offset) }
                words[start >> 6] = passing
            }
        }
    }

    /// How many documents have a value (a pass over the column unless it is sparse).
    public var knownCount: Int {
        if let present { return present.count }
        switch layout {
        case .doubles: return doubles.count(where: { !$0.isNaN })
        case .integers: return integers.count(where: { $0 != Self.unknownInteger })
        case .codes: return codes.count(where: { $0 != Self.unknownCode })
        }
    }

    init(_ view: ByteView, documentCount: Int) throws {
        count = documentCount
        let flags = try view.load(UInt32.self, at: 0)
        let rows = Int(try view.load(UInt32.self, at: 4))
        var offset = 8
        if flags & Flag.sparse != 0 {
            let bitset = PresenceBitset(words: try view.array(of: UInt64.self, at: offset, count: (documentCount + 63) / 64))
            guard bitset.count == rows else { throw IndexError.corrupt("\(view.context): \(bitset.count) documents present, \(rows) rows") }
            present = bitset
            offset += bitset.words.count * 8
        } else {
            guard rows == documentCount else { throw IndexError.corrupt("\(view.context): \(rows) rows for \(documentCount) documents") }
            present = nil
        }
        var integers = UnsafeBufferPointer<UInt32>(start: nil, count: 0)
        var doubles = UnsafeBufferPointer<Double>(start: nil, count: 0)
        var codes = UnsafeBufferPointer<UInt16>(start: nil, count: 0)
        var codeValues = UnsafeBufferPointer<Double>(start: nil, count: 0)
        if flags & Flag.integers != 0 {
            layout = .integers
            integers = try view.array(of: UInt32.self, at: offset, count: rows)
        } else if flags & Flag.codes != 0 {
            layout = .codes
            offset = (offset + 7) / 8 * 8
            let valueCount = Int(try view.load(UInt32.self, at: offset))
            codeValues = try view.doubles(at: offset + 8, count: valueCount)
            codes = try view.array(of: UInt16.self, at: offset + 8 + valueCount * 8, count: rows)
            // Codes index the table: checked once here, as lists of documents are.
            let limit = UInt16(truncatingIfNeeded: valueCount)
            guard valueCount < Int(Self.unknownCode), !codes.contains(where: { $0 >= limit && $0 != Self.unknownCode }) else {
                throw IndexError.corrupt("\(view.context): a code beyond its \(valueCount) values")
            }
        } else {
            layout = .doubles
            doubles = try view.doubles(at: (offset + 7) / 8 * 8, count: rows)
        }
        self.integers = integers
        self.doubles = doubles
        self.codes = codes
        self.codeValues = codeValues
    }

    /// The section bytes of a column with `values` by document (NaN where unknown).
    static func encode(_ values: [Double]) -> [UInt8] {
        let known = values.filter { !$0.isNaN }
        // A whole number kept as u32 reads back as the same Double; -0.0 would not.
        let integral = known.allSatisfy { $0 >= 0 && $0 < Double(unknownInteger) && $0.rounded() == $0 && $0.sign == .plus }
        let sparse = known.count * 2 < values.count
        let rows = sparse ? known : values
        // Distinct by bit pattern, so a table value reads back as exactly the value coded.
        var distinct = Set<UInt64>()
        for value in known where distinct.count < Int(unknownCode) { distinct.insert(value.bitPattern) }
        let coded = distinct.count < Int(unknownCode) && distinct.count * 8 + rows.count * 2 < rows.count * (integral ? 4 : 8)
        var bytes = ByteWriter(reservingCapacity: 16 + values.count / 8 + rows.count * 8)
        bytes.append((coded ? Flag.codes : integral ? Flag.integers : 0) | (sparse ? Flag.sparse : 0))
        bytes.append(UInt32(rows.count))
        if sparse { bytes.appendArray(PresenceBitset.words(documentCount: values.count) { !values[$0].isNaN }) }
        if coded {
            let table = distinct.map { Double(bitPattern: $0) }.sorted { $0 < $1 || ($0 == $1 && $0.sign == .minus) }
            let codeOf = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.bitPattern, UInt16($0)) })
            bytes.align(to: 8)
            bytes.append(UInt32(table.count))
            bytes.append(UInt32(0))
            bytes.appendArray(table)
            bytes.appendArray(rows.map { $0.isNaN ? unknownCode : codeOf[$0.bitPattern] ?? unknownCode })
        } else if integral {
            bytes.appendArray(rows.map { $0.isNaN ? unknownInteger : UInt32($0) })
        } else {
            bytes.align(to: 8)
            bytes.appendArray(rows)
        }
        return bytes.bytes
    }
}
