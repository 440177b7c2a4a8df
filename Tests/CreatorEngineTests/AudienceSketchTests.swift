import Testing
@testable import CreatorEngine

@Suite("Audience overlap sketches")
struct AudienceSketchTests {
    /// Two samples sharing `shared` ids out of `size` each.
    func samples(size: Int, shared: Int, salt: UInt64) -> ([UInt64], [UInt64]) {
        let common = (0..<shared).map { UInt64($0) &* 0x9E37_79B9 &+ salt }
        let onlyA = (0..<(size - shared)).map { UInt64($0) &* 0x85EB_CA6B &+ salt &+ 1 << 40 }
        let onlyB = (0..<(size - shared)).map { UInt64($0) &* 0xC2B2_AE35 &+ salt &+ 1 << 50 }
        return (common + onlyA, common + onlyB)
    }

    @Test("estimated Jaccard follows the true Jaccard within the sketch's error", arguments: [0, 100, 250, 500, 750, 1000])
    func jaccard(shared: Int) throws {
        let size = 1000
        var errors: [Double] = []
        for salt in 0..<8 as Range<UInt64> {
            let (a, b) = samples(size: size, shared: shared, salt: salt * 7919)
            let truth = Double(shared) / Double(2 * size - shared)
            let estimate = try #require(AudienceSketch(sample: a).jaccard(with: AudienceSketch(sample: b)))
            errors.append(estimate - truth)
        }
        let meanError = errors.reduce(0, +) / Double(errors.count)
        #expect(abs(meanError) < 0.08, "mean error \(meanError) at \(shared) shared")
        #expect(errors.allSatisfy { abs($0) < 0.25 })
    }

    @Test("identical samples estimate 1, disjoint ones about 0, empty ones nothing")
    func extremes() {
        let (a, b) = samples(size: 500, shared: 0, salt: 3)
        #expect(AudienceSketch(sample: a).jaccard(with: AudienceSketch(sample: a)) == 1)
        #expect((AudienceSketch(sample: a).jaccard(with: AudienceSketch(sample: b)) ?? 1) < 0.05)
        #expect(AudienceSketch(sample: []).jaccard(with: AudienceSketch(sample: a)) == nil)
        #expect(AudienceSketch(sample: []).isEmpty)
    }

    @Test("containment from Jaccard and sizes")
    func containment() {
        // |A| = 100, |B| = 300, |A∩B| = 50: J = 50 / 350.
        let share = AudienceSketch.containment(jaccard: 50.0 / 350.0, sizeA: 100, sizeB: 300)
        #expect(abs(share - 0.5) < 1e-9)
        #expect(AudienceSketch.containment(jaccard: 1, sizeA: 10, sizeB: 10) == 1)
    }
}
