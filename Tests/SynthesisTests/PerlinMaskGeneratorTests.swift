import Testing
import Imaging
import Randomness
@testable import Synthesis

/// Mean mask coverage at 256² against REFERENCE §5 (anomalib, 600 draws): 4.8% plain, 5.8% retrying, 8.4% dual.
///
/// The tolerance is 3.5 combined standard errors (ours over `draws`, the
/// reference's over 600, both from our sample SD) plus 0.05% for the
/// reference's one-decimal rounding.
@Suite struct PerlinMaskGeneratorTests {
    static let draws = 400

    private func meanCoverage(_ style: PerlinMaskStyle, seed: UInt64) -> (mean: Double, sd: Double, empty: Int) {
        let masks = PerlinMaskGenerator(style: style)
        var generator = SeededGenerator(seed: seed)
        var sum = 0.0
        var squares = 0.0
        var empty = 0
        for _ in 0..<Self.draws {
            let coverage = masks.generate(width: 256, height: 256, using: &generator).mask.coverage
            sum += coverage
            squares += coverage * coverage
            if coverage == 0 { empty += 1 }
        }
        let n = Double(Self.draws)
        let mean = sum / n
        return (mean, ((squares - n * mean * mean) / (n - 1)).squareRoot(), empty)
    }

    private func expectMatches(_ style: PerlinMaskStyle, reference: Double, seed: UInt64) -> Int {
        let (mean, sd, empty) = meanCoverage(style, seed: seed)
        let standardError = (sd * sd / Double(Self.draws) + sd * sd / 600).squareRoot()
        #expect(abs(mean - reference) <= 3.5 * standardError + 0.0005,
                "\(style): mean coverage \(mean), reference \(reference), SE \(standardError)")
        return empty
    }

    @Test func plainCoverage() {
        let empty = expectMatches(.plain, reference: 0.048, seed: 100)
        #expect(empty > 0, "plain masks are sometimes empty")
    }

    @Test func retryingCoverage() {
        #expect(expectMatches(.retrying(), reference: 0.058, seed: 200) == 0)
    }

    @Test func dualCoverage() {
        #expect(expectMatches(.dual(), reference: 0.084, seed: 300) == 0)
    }

    @Test func dualWithCertainUnionContainsItsFirstMask() {
        var a = SeededGenerator(seed: 8)
        var b = SeededGenerator(seed: 8)
        let single = PerlinMaskGenerator(style: .retrying()).generate(width: 64, height: 48, using: &a)
        let dual = PerlinMaskGenerator(style: .dual(probability: 1)).generate(width: 64, height: 48, using: &b)
        // Same draws for the first mask; the union only adds pixels.
        #expect(dual.noise == single.noise)
        #expect(zip(single.mask.values, dual.mask.values).allSatisfy { $0 <= $1 })
        #expect(dual.attempts >= 2)
    }

    @Test func weakNoiseIsRescaled() {
        var field = PlanarImage(width: 3, height: 1, channels: 1, values: [-0.2, 0.1, 0.4])
        PerlinMaskGenerator.rescaleIfBelow(0.5, &field)
        #expect(field.values.map { ($0 * 1000).rounded() / 1000 } == [-1, 0, 1])
        var strong = PlanarImage(width: 2, height: 1, channels: 1, values: [0, 0.6])
        PerlinMaskGenerator.rescaleIfBelow(0.5, &strong)
        #expect(strong.values == [0, 0.6])
    }

    @Test func maskMatchesThresholdOfReturnedNoise() {
        var generator = SeededGenerator(seed: 12)
        let result = PerlinMaskGenerator(style: .retrying()).generate(width: 32, height: 32, using: &generator)
        #expect(result.mask == AnomalyMask(field: result.noise, threshold: 0.5))
        #expect(result.mask.image.samples == .uint8(result.mask.values.map { $0 * 255 }))
    }
}
