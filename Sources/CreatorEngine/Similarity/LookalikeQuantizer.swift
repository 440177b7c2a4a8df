/// Turns a float vector into the stored int8 form of a lookalike vector.
///
/// Each vector is scaled so that its largest component is ±127 (using the whole int8 range
/// whatever the vector's spread; −128 is never produced, which the scan kernel relies on),
/// rounded, and stored with the inverse of the quantised vector's own norm. The cosine
/// computed from two stored vectors is then that of the quantised vectors exactly (a
/// quantised vector compared with itself gives 1), and it differs from the float cosine by
/// at most `errorBound` (rounding moves each component by at most half a step).
public enum LookalikeQuantizer {
    /// Quantises `vector` (`LookalikeLayout.dimensions` values) into `output` and returns the
    /// inverse of the quantised vector's norm, 0 for a zero vector.
    public static func quantize(_ vector: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Int8>) -> Float {
        precondition(vector.count == output.count)
        var largest: Float = 0
        for value in vector where value.isFinite { largest = max(largest, abs(value)) }
        guard largest > 0 else {
            for index in output.indices { output[index] = 0 }
            return 0
        }
        let scale = 127 / largest
        var squares: Int32 = 0
        for index in vector.indices {
            let value = vector[index].isFinite ? vector[index] : 0
            let quantised = Int8(max(-127, min(127, (value * scale).rounded())))
            output[index] = quantised
            squares += Int32(quantised) * Int32(quantised)
        }
        return 1 / Float(squares).squareRoot()
    }

    public static func quantize(_ vector: [Float]) -> (values: [Int8], inverseNorm: Float) {
        var values = [Int8](repeating: 0, count: vector.count)
        let inverseNorm = vector.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { quantize(source, into: $0) }
        }
        return (values, inverseNorm)
    }

    /// A bound on |cosine of the quantised vectors − cosine of the float vectors| for two
    /// vectors whose largest components are `largestA` and `largestB` in proportion to their
    /// norms (at most 1): with q = s·v + e, |e| ≤ ½·√dimensions and |s·v| = 127 / largest, the
    /// direction of each moves by at most 2|e|/|s·v|, and the cosine by at most the sum of the
    /// two moves. For unit vectors spread over many dimensions (largest ≈ 0.3) it is ≈ 0.04;
    /// the typical error is far smaller, rounding errors being independent (see the tests).
    public static func errorBound(largestA: Double, largestB: Double) -> Double {
        let halfStepNorm = 0.5 * Double(LookalikeLayout.dimensions).squareRoot()
        return 2 * halfStepNorm * (largestA + largestB) / 127
    }
}
