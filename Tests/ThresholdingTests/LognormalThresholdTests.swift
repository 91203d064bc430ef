import Testing
import Randomness
@testable import Thresholding

@Suite struct LognormalThresholdTests {
    @Test func matchesTheDocumentedShiftedFit() throws {
        // numpy: loc = min − range/n; l = log(x − loc); loc + exp(l.mean() + l.std(ddof=1)·Φ⁻¹(0.95))
        let t = try LognormalThreshold(alpha: 0.05).fit(normal: [1, 2, 3, 4, 10])
        #expect(abs(t.value - 11.1358023221861) < 1e-10)
        #expect(t.detail("location") == 1 - 9.0 / 5)
    }

    @Test func holdsAlphaOnLogNormalScoresInLargeSamples() throws {
        var g = SeededGenerator(seed: 8)
        let scores = (0..<20_000).map { _ in Foundation.exp(g.nextGaussian()) }
        let t = try LognormalThreshold(alpha: 0.05).fit(normal: scores)
        // The shift is tiny next to the bulk, so the tail is close to the true 5%.
        let tail = ScoreDistribution.lognormal.survival(t.value)
        #expect(abs(tail - 0.05) < 0.005)
    }

    @Test func degenerateScoresAreUnavailable() {
        #expect(throws: ThresholdError.unavailable(strategy: "lognormal", reason: "all 4 normal scores are equal, so the shifted log-normal is degenerate")) {
            try LognormalThreshold().fit(normal: [3, 3, 3, 3])
        }
        #expect(throws: ThresholdError.self) { try LognormalThreshold().fit(normal: [1, 2]) }
    }

    @Test func hugeScoresGiveTheScaledThreshold() throws {
        // The fit is scale-equivariant: scores ×2^1000 give the threshold ×2^1000, although
        // the unscaled range (≈ 1e302·9) and shifted scores are far from 1.
        let factor = Double(sign: .plus, exponent: 1000, significand: 1)
        let base = try LognormalThreshold(alpha: 0.05).fit(normal: [1, 2, 3, 4, 10])
        let scaled = try LognormalThreshold(alpha: 0.05).fit(normal: [1, 2, 3, 4, 10].map { $0 * factor })
        #expect(scaled.value == base.value * factor)
        // Across the whole range the range max − min overflows; the threshold does not.
        let wide = try LognormalThreshold(alpha: 0.3).fit(normal: [-1e308, -0.5e308, 0, 0.5e308, 1e308])
        #expect(wide.value.isFinite)
        #expect(wide.value > 0 && wide.value < 1e308)
    }
}

import Foundation
