import CSimilarity

/// The grid that the coarse copy of the lookalike vectors rounds them to (`csim_coarse_grid`):
/// element j of a vector becomes the code c in 0...15 of the nearest point
/// `offset_j + step · c`, and what rounding leaves, `r`, is kept as one byte per vector
/// bounding `|r|` from above. `like:` scans the codes first and bounds each creator's
/// similarity by `q · (offset + step · c) + |q| |r|`; the smaller the residuals, the fewer
/// creators that bound lets through to the exact int8 vectors (`docs/similarity.md`).
///
/// One step for every element keeps the scan's products exact integer sums; each element
/// gets its own offset, so that its sixteen points sit where its values lie. On the 1M
/// corpus the fitted grid (step 14) lets through 2.2 % of creators at a threshold of 0.60,
/// against 3.4 % for the top four bits of each element (`topNibbles`), over 40 references.
struct LookalikeCoarseGrid: Sendable, Equatable {
    var step: Int32
    /// Twice each element's first point (points may lie halfway between integers).
    var twiceOffsets: [Int32]
    /// A vector's residual code is the smallest integer at or above `residualScale · |r|`.
    var residualScale: Int32

    /// The grid of the first coarse copy (`vector.lookalike.coarse`): the top four bits of
    /// each element + 128, with points in the middle of each run of sixteen values and the
    /// residual in quarters. Every int8 vector fits it (|r| ≤ 7.5 · 8 = 60, code ≤ 240).
    static let topNibbles = LookalikeCoarseGrid(
        step: 16, twiceOffsets: Array(repeating: -241, count: LookalikeLayout.dimensions), residualScale: 4)

    /// The steps `fitted(to:)` tries. Finer steps clip more of each element's range. The 1M
    /// corpus got 14; in numpy, steps 13 to 15 let through within 7 % of each other.
    static let candidateSteps: ClosedRange<Int32> = 10...16

    var isValid: Bool { withCGrid { csim_coarse_grid_is_valid($0) } != 0 }

    /// The grid for these vectors (`dimensions` int8 elements each): for each candidate step,
    /// each element's offset with the least squared residual over all vectors; the step whose
    /// elements' residuals sum least; then the finest residual scale (4, 2 or 1) under which
    /// every vector's residual code fits in a byte. `topNibbles` when no fitted grid fits.
    static func fitted(to vectors: UnsafeBufferPointer<Int8>) -> (grid: LookalikeCoarseGrid, nibbles: [UInt8], residualCodes: [UInt8]) {
        let dimensions = LookalikeLayout.dimensions
        let count = vectors.count / dimensions
        // histograms[j * 256 + x + 128]: how many vectors have element j equal to x.
        var histograms = [Int](repeating: 0, count: dimensions * 256)
        histograms.withUnsafeMutableBufferPointer { histograms in
            for vector in 0..<count {
                for element in 0..<dimensions {
                    histograms[element * 256 + Int(vectors[vector * dimensions + element]) + 128] += 1
                }
            }
        }
        var best: (grid: LookalikeCoarseGrid, energy: Double)?
        for step in candidateSteps {
            var offsets: [Int32] = [], energy = 0.0
            for element in 0..<dimensions {
                let fit = histograms.withUnsafeBufferPointer {
                    bestTwiceOffset(histogram: UnsafeBufferPointer(rebasing: $0[(element * 256)..<(element * 256 + 256)]), step: step)
                }
                offsets.append(fit.twiceOffset)
                energy += fit.energy
            }
            if energy < best?.energy ?? .infinity {
                best = (LookalikeCoarseGrid(step: step, twiceOffsets: offsets, residualScale: 4), energy)
            }
        }
        if var grid = best?.grid {
            for scale: Int32 in [4, 2, 1] {
                grid.residualScale = scale
                if let encoded = grid.encode(vectors) { return (grid, encoded.nibbles, encoded.residualCodes) }
            }
        }
        let fallback = topNibbles
        guard let encoded = fallback.encode(vectors) else { preconditionFailure("every int8 vector fits the top-nibble grid") }
        return (fallback, encoded.nibbles, encoded.residualCodes)
    }

    /// For one element's histogram (256 counts, value + 128), the twice-offset within four
    /// steps of centring the sixteen points on the mean whose squared residuals sum least,
    /// rounding as `csim_coarse_encode` does. Each point's share comes from prefix sums of
    /// the counts, values and squares, so an offset costs sixteen steps, not a pass over the
    /// values (the tests fit grids in debug builds).
    private static func bestTwiceOffset(histogram: UnsafeBufferPointer<Int>, step: Int32) -> (twiceOffset: Int32, energy: Double) {
        // prefix[k] sums bins 0..<k: counts, counts · x, counts · x² (x = bin - 128).
        var counts = [Double](repeating: 0, count: 257), sums = counts, squares = counts
        for bin in 0..<256 {
            let count = Double(histogram[bin]), value = Double(bin - 128)
            counts[bin + 1] = counts[bin] + count
            sums[bin + 1] = sums[bin] + count * value
            squares[bin + 1] = squares[bin] + count * value * value
        }
        guard counts[256] > 0 else { return (-15 * step, 0) }
        let centred = Int32((2 * sums[256] / counts[256] - 15 * Double(step)).rounded())
        var best: (twiceOffset: Int32, energy: Double)?
        for twiceOffset in (centred - 4 * step)...(centred + 4 * step) where abs(twiceOffset) <= 1024 {
            // Code c >= 1 holds the values x >= ⌈(2 step c + twiceOffset - step) / 2⌉, as a bin.
            func firstBin(ofCode code: Int32) -> Int {
                if code == 0 { return 0 }
                if code == 16 { return 256 }
                let twiceLowest = 2 * step * code + twiceOffset - step
                return max(0, min(256, Int((twiceLowest + 1) >> 1) + 128))
            }
            var energy = 0.0
            for code: Int32 in 0..<16 {
                let lower = firstBin(ofCode: code), upper = max(lower, firstBin(ofCode: code + 1))
                let point = (Double(twiceOffset) + 2 * Double(step) * Double(code)) / 2
                let n = counts[upper] - counts[lower], sum = sums[upper] - sums[lower], square = squares[upper] - squares[lower]
                energy += square - 2 * point * sum + point * point * n  // Σ count · (x - point)²
            }
            if energy < best?.energy ?? .infinity { best = (twiceOffset, energy) }
        }
        return best ?? (-15 * step, 0)
    }

    /// The codes (32 bytes a vector) and residual codes of `vectors` on this grid, nil when
    /// some vector's residual code would not fit in a byte.
    func encode(_ vectors: UnsafeBufferPointer<Int8>) -> (nibbles: [UInt8], residualCodes: [UInt8])? {
        let count = vectors.count / LookalikeLayout.dimensions
        var nibbles = [UInt8](repeating: 0, count: count * LookalikeLayout.dimensions / 2)
        var codes = [UInt8](repeating: 0, count: count)
        let fits = withCGrid { grid in
            nibbles.withUnsafeMutableBufferPointer { nibbles in
                codes.withUnsafeMutableBufferPointer { codes in
                    csim_coarse_encode(grid, vectors.baseAddress, count, nibbles.baseAddress, codes.baseAddress)
                }
            }
        }
        return fits != 0 ? (nibbles, codes) : nil
    }

    /// The grid in the C layout.
    var cGrid: csim_coarse_grid {
        precondition(twiceOffsets.count == LookalikeLayout.dimensions)
        var grid = csim_coarse_grid()
        grid.step = step
        grid.residual_scale = residualScale
        withUnsafeMutableBytes(of: &grid.twice_offsets) { raw in
            let offsets = raw.bindMemory(to: Int32.self)
            for index in offsets.indices { offsets[index] = twiceOffsets[index] }
        }
        return grid
    }

    /// Calls `body` with the grid in the C layout.
    func withCGrid<Result>(_ body: (UnsafePointer<csim_coarse_grid>) -> Result) -> Result {
        var grid = cGrid
        return body(&grid)
    }
}
