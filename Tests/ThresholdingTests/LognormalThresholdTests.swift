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
}

import Foundation
