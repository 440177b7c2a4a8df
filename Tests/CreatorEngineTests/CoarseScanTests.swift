import CSimilarity
import Testing
@testable import CreatorEngine

/// The two-pass `like:` scan (`csim_scan64_coarse_above`): a pass over half-size vectors
/// that bounds each value from above, then exact values for what the bound lets through.
/// It must keep exactly what the one-pass scan keeps, with the same values bit for bit.
@Suite("Coarse lookalike scan")
struct CoarseScanTests {
    /// `count` vectors of 64 elements in -127...127: random, plus the extremes that make
    /// the bound tightest and loosest (every low nibble 0 or 15, every element ±127 or 0),
    /// and vectors of one value throughout (127, then -127), whose products with
    /// themselves are the largest sums the passes add up.
    static func vectors(count: Int, seed: UInt64) -> (values: [Int8], inverseNorms: [Float]) {
        var random = SplitMixRandom(seed: seed)
        var values = [Int8](repeating: 0, count: count * 64)
        var inverseNorms = [Float](repeating: 0, count: count)
        for vector in 0..<count {
            let kind = vector % 8
            for element in 0..<64 {
                let value: Int = switch kind {
                case 0: Int.random(in: -127...127, using: &random)
                case 1: Int.random(in: 0...15, using: &random) * 16 + 15 - 128 // every low nibble of x + 128 is 15
                case 2: Int.random(in: 1...15, using: &random) * 16 - 128      // every low nibble 0
                case 3: Bool.random(using: &random) ? 127 : -127
                case 4: element == vector % 64 ? 127 : 0
                case 5: Int(Double.random(in: -1...1, using: &random) * Double.random(in: 0...1, using: &random) * 127)
                case 6: vector % 16 == 6 ? 127 : -127
                default: (element % 3 == 0 ? 1 : -1) * Int.random(in: 0...127, using: &random)
                }
                values[vector * 64 + element] = Int8(max(-127, min(127, value)))
            }
            let squares = values[(vector * 64)..<(vector * 64 + 64)].reduce(0) { $0 + Int($1) * Int($1) }
            inverseNorms[vector] = squares == 0 ? 0 : 1 / Float(squares).squareRoot()
        }
        return (values, inverseNorms)
    }

    /// The grids the tests encode on: the top nibbles (the first coarse copy's), the grid
    /// fitted to the vectors, an odd step off centre (the extremes clipped by up to 22), and
    /// the widest step, each with the finest residual scale every test vector fits.
    static func grids(for values: [Int8]) -> [LookalikeCoarseGrid] {
        let fitted = values.withUnsafeBufferPointer { LookalikeCoarseGrid.fitted(to: $0) }.grid
        let offCentre = LookalikeCoarseGrid(step: 15, twiceOffsets: (0..<64).map { -225 + Int32($0 % 5) * 4 }, residualScale: 1)
        let widest = LookalikeCoarseGrid(step: 32, twiceOffsets: (0..<64).map { -480 - Int32($0 % 2) * 32 }, residualScale: 1)
        return [.topNibbles, fitted] + [offCentre, widest].map { grid in
            let scales: [Int32] = [4, 2, 1]
            return scales.lazy.map { scale in
                var scaled = grid
                scaled.residualScale = scale
                return scaled
            }.first { candidate in values.withUnsafeBufferPointer { candidate.encode($0) } != nil } ?? grid
        }
    }

    @Test("each code is the nearest point of the grid (clamped to its ends), and the residual code bounds what is left from above, tightly")
    func encoding() throws {
        let (values, _) = Self.vectors(count: 700, seed: 11)
        for grid in Self.grids(for: values) {
            let encoded = try #require(values.withUnsafeBufferPointer { grid.encode($0) }, "grid \(grid.step)")
            for vector in 0..<700 {
                var squares = 0.0
                for element in 0..<64 {
                    let value = Double(values[vector * 64 + element])
                    let byte = encoded.nibbles[vector * 32 + element % 32]
                    let code = element < 32 ? Int(byte & 0x0F) : Int(byte >> 4)
                    let offset = Double(grid.twiceOffsets[element]) / 2, step = Double(grid.step)
                    let residual = value - (offset + step * Double(code))
                    // No other point of the sixteen is nearer.
                    let nearest = (0..<16).map { abs(value - (offset + step * Double($0))) }.min() ?? 0
                    #expect(abs(residual) == nearest, "step \(grid.step), vector \(vector), element \(element): code \(code)")
                    squares += residual * residual
                }
                let bound = squares.squareRoot() * Double(grid.residualScale), code = Double(encoded.residualCodes[vector])
                #expect(code >= bound && code - 1 < bound, "step \(grid.step), vector \(vector): code \(code) for \(bound)")
            }
        }
    }

    @Test("the top-nibble grid encodes as the first coarse copy did: the top four bits of x + 128, the low bits' spread in quarters")
    func topNibbles() throws {
        let (values, _) = Self.vectors(count: 700, seed: 13)
        let encoded = try #require(values.withUnsafeBufferPointer { LookalikeCoarseGrid.topNibbles.encode($0) })
        for vector in 0..<700 {
            var squares = 0
            for element in 0..<64 {
                let biased = Int(values[vector * 64 + element]) + 128
                let byte = encoded.nibbles[vector * 32 + element % 32]
                #expect((element < 32 ? Int(byte & 0x0F) : Int(byte >> 4)) == biased >> 4)
                squares += (2 * (biased & 15) - 15) * (2 * (biased & 15) - 15)
            }
            let code = Int(encoded.residualCodes[vector])
            #expect(code * code >= 4 * squares && (code - 1) * (code - 1) < 4 * squares)
        }
    }

    @Test("a grid out of range or a residual too large for a byte is refused, not encoded")
    func refusedGrids() {
        let (values, _) = Self.vectors(count: 50, seed: 5)
        var grid = LookalikeCoarseGrid.topNibbles
        grid.step = 33
        #expect(!grid.isValid && values.withUnsafeBufferPointer { grid.encode($0) } == nil)
        grid = .topNibbles
        grid.twiceOffsets[9] = 1025
        #expect(!grid.isValid)
        // Every point far below the values: residuals of hundreds per element.
        grid = LookalikeCoarseGrid(step: 1, twiceOffsets: Array(repeating: -1024, count: 64), residualScale: 64)
        #expect(grid.isValid && values.withUnsafeBufferPointer { grid.encode($0) } == nil)
    }

    /// The coarse passes to compare with the full scan: the AVX2 pass, and the best the CPU
    /// has (VNNI where it is there; on a CPU without AVX2 both fall back to the full scan).
    static let kernels = [CSIM_KERNEL_AVX2, CSIM_KERNEL_BEST]

    /// The vectors, their inverse norms, codes on a grid and residual codes, as pointers for the C calls.
    struct Fixture {
        let count: Int
        let grid: LookalikeCoarseGrid
        let values: UnsafeMutableBufferPointer<Int8>
        let inverseNorms: UnsafeMutableBufferPointer<Float>
        let nibbles: UnsafeMutableBufferPointer<UInt8>
        let codes: UnsafeMutableBufferPointer<UInt8>

        /// The vectors of `seed` on grid `gridIndex` of `CoarseScanTests.grids(for:)`.
        init(count: Int, seed: UInt64, gridIndex: Int) {
            self.count = count
            let (values, inverseNorms) = CoarseScanTests.vectors(count: count, seed: seed)
            grid = CoarseScanTests.grids(for: values)[gridIndex]
            self.values = .allocate(capacity: values.count)
            _ = self.values.initialize(from: values)
            self.inverseNorms = .allocate(capacity: count)
            _ = self.inverseNorms.initialize(from: inverseNorms)
            nibbles = .allocate(capacity: count * 32)
            codes = .allocate(capacity: count)
            let encoded = values.withUnsafeBufferPointer { [grid] in grid.encode($0) }
            precondition(encoded != nil, "the test grids fit the test vectors")
            _ = nibbles.initialize(from: encoded?.nibbles ?? [])
            _ = codes.initialize(from: encoded?.residualCodes ?? [])
        }

        func deallocate() {
            values.deallocate()
            inverseNorms.deallocate()
            nibbles.deallocate()
            codes.deallocate()
        }

        func vector(_ index: Int) -> UnsafeMutablePointer<Int8> { values.baseAddress! + index * 64 }

        /// Both scans of documents start..<start + length against `reference`: the portable
        /// full scan, and the coarse pass with at most `kernel`.
        func scans(reference: Int, start: Int, length: Int, threshold: Float, firstDocument: UInt32, kernel: csim_kernel)
            -> (full: (documents: [UInt32], scores: [Float]), coarse: (documents: [UInt32], scores: [Float])) {
            let full = CoarseScanTests.collect(length: length) { documents, scores in
                csim_scan64_above_using(CSIM_KERNEL_PORTABLE, vector(start), inverseNorms.baseAddress! + start, length,
                                        vector(reference), inverseNorms[reference], threshold, firstDocument, documents, scores)
            }
            let coarse = CoarseScanTests.collect(length: length) { documents, scores in
                var cGrid = grid.cGrid
                return csim_scan64_coarse_above_using(kernel, &cGrid, nibbles.baseAddress! + start * 32, codes.baseAddress! + start,
                                               vector(start), inverseNorms.baseAddress! + start, length, vector(reference),
                                               inverseNorms[reference], threshold, firstDocument, documents, scores)
            }
            return (full, coarse)
        }
    }

    @Test("two passes keep what one pass keeps, bit for bit, on every grid, at every threshold, from any start, with thousands of candidates",
          arguments: [Float(-1.5), -1, -0.999, -0.2, 0, 0.3, 0.6, 0.9, 1, 1.5, .nan], 0..<4)
    func keepsWhatTheFullScanKeeps(threshold: Float, gridIndex: Int) {
        let fixture = Fixture(count: 4_133, seed: 29, gridIndex: gridIndex)
        defer { fixture.deallocate() }
        for kernel in Self.kernels {
            for reference in stride(from: 0, to: fixture.count, by: 149) {
                // Odd starts and lengths exercise the tails of eight and sixteen; the ids are offset.
                let start = reference % 19, length = fixture.count - start - reference % 23
                let (full, coarse) = fixture.scans(reference: reference, start: start, length: length, threshold: threshold,
                                                   firstDocument: UInt32(start) + 7, kernel: kernel)
                #expect(coarse.documents == full.documents,
                        "kernel \(kernel.rawValue), reference \(reference), threshold \(threshold): \(coarse.documents.count) kept, \(full.documents.count) expected")
                #expect(coarse.scores.map(\.bitPattern) == full.scores.map(\.bitPattern),
                        "kernel \(kernel.rawValue), reference \(reference), threshold \(threshold)")
            }
        }
    }

    @Test("a threshold equal to a creator's exact value keeps that creator", arguments: 0..<4)
    func thresholdAtAValue(gridIndex: Int) {
        let fixture = Fixture(count: 1_024, seed: 3, gridIndex: gridIndex)
        defer { fixture.deallocate() }
        var all = [Float](repeating: 0, count: fixture.count)
        for reference in stride(from: 0, to: fixture.count, by: 61) {
            csim_scan64(fixture.values.baseAddress, fixture.inverseNorms.baseAddress, fixture.count, fixture.vector(reference),
                        fixture.inverseNorms[reference], &all)
            for target in [(reference * 7 + 1) % fixture.count, (reference * 13 + 5) % fixture.count] where all[target] > -1 {
                for kernel in Self.kernels {
                    let (full, coarse) = fixture.scans(reference: reference, start: 0, length: fixture.count,
                                                       threshold: all[target], firstDocument: 0, kernel: kernel)
                    #expect(coarse.documents.contains(UInt32(target)),
                            "kernel \(kernel.rawValue), reference \(reference), target \(target) at \(all[target])")
                    #expect(coarse.documents == full.documents
                            && coarse.documents == (0..<fixture.count).filter { all[$0] >= all[target] }.map(UInt32.init))
                }
            }
        }
    }

    @Test("a built index has the coarse copy, and like: matches through it equal the full scan's")
    func builtIndexUsesIt() throws {
        let vectors = try SimilarityCorpus.shared.get().index.lookalike
        let coarse = try #require(vectors.coarse, "the built index has no \(LookalikeVectors.coarseSectionName)")
        #expect(coarse.nibbles.count == vectors.documentCount * 32 && coarse.residualCodes.count == vectors.documentCount)
        #expect(Int(bitPattern: coarse.nibbles.baseAddress) % 64 == 0, "the nibbles start on a cache line")
        let fitted = LookalikeCoarseGrid.fitted(to: vectors.vectors)
        #expect(coarse.grid == fitted.grid && coarse.grid != .topNibbles, "the grid is the one fitted to the vectors")
        #expect(Array(coarse.nibbles) == fitted.nibbles && Array(coarse.residualCodes) == fitted.residualCodes)
        // What the grid is for: smaller residuals than the top nibbles leave, so a tighter bound.
        let topNibbles = try #require(LookalikeCoarseGrid.topNibbles.encode(vectors.vectors))
        let meanResidual = { (codes: [UInt8], scale: Int32) in Double(codes.reduce(0) { $0 + Int($1) }) / Double(codes.count * Int(scale)) }
        #expect(meanResidual(fitted.residualCodes, fitted.grid.residualScale) < 0.9 * meanResidual(topNibbles.residualCodes, 4),
                "mean residual \(meanResidual(fitted.residualCodes, fitted.grid.residualScale)) on the fitted grid, \(meanResidual(topNibbles.residualCodes, 4)) on the top nibbles")
        var scores: [Float] = []
        for reference in stride(from: 3, to: vectors.documentCount, by: 211) {
            vectors.similarities(to: reference, into: &scores)
            let kept = vectors.similarities(to: reference, atLeast: Float(LookalikeVectors.matchThreshold))
            let passing = (0..<vectors.documentCount).filter { scores[$0] >= Float(LookalikeVectors.matchThreshold) }
            #expect(kept.documents == passing.map(UInt32.init), "reference \(reference)")
        }
    }

    @Test("an index with the grid copy, with the first (top-nibble) copy, or with none answers like: the same, on one thread or several")
    func indexesOfEveryKind() throws {
        let count = 3_001
        let (values, inverseNorms) = Self.vectors(count: count, seed: 17)
        let folder = TemporaryFolder()
        // The vectors view the files' mappings, which the files keep alive.
        var files: [IndexFile] = [], opened: [LookalikeVectors] = []
        for kind in ["none", "top nibbles", "grid"] {
            let path = folder.file("\(kind).cidx")
            let writer = try IndexFileWriter(path: path)
            try LookalikeBuilder.writeVectors(values, inverseNorms: inverseNorms, to: writer)
            if kind == "grid" { try LookalikeBuilder.writeCoarse(vectors: values, documentCount: count, to: writer) }
            if kind == "top nibbles" { try Self.writeTopNibbleCopy(values, count: count, to: writer) }
            try writer.finish()
            files.append(try IndexFile(path: path))
            opened.append(try LookalikeVectors(file: files[files.count - 1], documentCount: count))
        }
        let (without, topNibbles, grid) = (opened[0], opened[1], opened[2])
        defer { withExtendedLifetime(files) {} }
        #expect(!without.hasCoarseCopy && topNibbles.hasCoarseCopy && grid.hasCoarseCopy)
        #expect(topNibbles.coarse?.grid == .topNibbles && grid.coarse?.grid == values.withUnsafeBufferPointer { LookalikeCoarseGrid.fitted(to: $0).grid })
        for reference in stride(from: 0, to: count, by: 97) {
            for minimum: Float in [0.1, 0.6] {
                let full = without.similarities(to: reference, atLeast: minimum)
                for (name, copy) in [("top nibbles", topNibbles), ("grid", grid)] {
                    let coarse = copy.similarities(to: reference, atLeast: minimum)
                    #expect(full.documents == coarse.documents && full.similarities.map(\.bitPattern) == coarse.similarities.map(\.bitPattern),
                            "\(name), reference \(reference), minimum \(minimum)")
                }
                // Split over threads: the same documents and values, whatever the split.
                for parts in 2...5 {
                    for (name, vectors) in [("none", without), ("grid", grid)] {
                        let split = vectors.similarities(to: reference, atLeast: minimum, parts: parts)
                        #expect(split.documents == full.documents && split.similarities.map(\.bitPattern) == full.similarities.map(\.bitPattern),
                                "\(name) in \(parts) parts, reference \(reference), minimum \(minimum)")
                    }
                }
                let brute = (0..<count).filter { without.scannedSimilarity(of: $0, to: reference) >= minimum }
                #expect(full.documents == brute.map(UInt32.init), "reference \(reference), minimum \(minimum)")
            }
        }
    }

    /// `vector.lookalike.coarse` as indexes of 7 Dec hold it: u32 count · u32 0 · residual
    /// codes (padded to 8) · top nibbles from a cache line.
    static func writeTopNibbleCopy(_ values: [Int8], count: Int, to writer: IndexFileWriter) throws {
        let encoded = try #require(values.withUnsafeBufferPointer { LookalikeCoarseGrid.topNibbles.encode($0) })
        var header = ByteWriter(reservingCapacity: 8 + count + 8)
        header.append(UInt32(count))
        header.append(UInt32(0))
        header.append(contentsOf: encoded.residualCodes)
        header.align(to: 8)
        try writer.beginSection(LookalikeVectors.topNibbleSectionName, aligning: header.bytes.count, to: IndexFileFormat.widestAlignment)
        try writer.append(header.bytes)
        try writer.append(encoded.nibbles)
        try writer.endSection()
    }

    /// Runs a scan into buffers of `length` entries and returns what it kept; the entries
    /// after those must be untouched (the kernels store what passes sixteen lanes at a time,
    /// and a store wider than what passed would run past the caller's buffer at its end).
    static func collect(length: Int, _ body: (UnsafeMutablePointer<UInt32>, UnsafeMutablePointer<Float>) -> Int) -> (documents: [UInt32], scores: [Float]) {
        var documents = [UInt32](repeating: .max, count: length), scores = [Float](repeating: .nan, count: length)
        let kept = documents.withUnsafeMutableBufferPointer { documents in
            scores.withUnsafeMutableBufferPointer { scores in body(documents.baseAddress!, scores.baseAddress!) }
        }
        #expect(documents[kept...].allSatisfy { $0 == .max } && scores[kept...].allSatisfy(\.isNaN),
                "the scan wrote past the \(kept) entries it kept")
        return (Array(documents[..<kept]), Array(scores[..<kept]))
    }
}
