import Testing
@testable import Thresholding

@Suite struct GaussianThresholdTests {
    @Test func meanPlusKSigmaByHand() throws {
        // mean 3, unbiased sd √2.5
        let t = try GaussianThreshold(.sigmas(2)).fit(normal: [1, 2, 3, 4, 5])
        #expect(abs(t.value - (3 + 2 * 2.5.squareRoot())) < 1e-12)
        #expect(abs((t.targetFPR ?? 0) - 0.022750131948179195) < 1e-15)
    }

    @Test func alphaUsesTheNormalQuantile() throws {
        let t = try GaussianThreshold(.alpha(0.05)).fit(normal: [1, 2, 3, 4, 5])
        #expect(abs(t.value - (3 + 1.6448536269514722 * 2.5.squareRoot())) < 1e-12)
        #expect(t.targetFPR == 0.05)
    }

    @Test func constantAndTooFewScoresAreErrors() {
        #expect(throws: ThresholdError.noSpread(strategy: "gaussian", reason: "all 3 normal scores are equal, so σ = 0")) {
            try GaussianThreshold().fit(normal: [2, 2, 2])
        }
        #expect(throws: ThresholdError.self) { try GaussianThreshold().fit(normal: [2]) }
        #expect(throws: ThresholdError.self) { try GaussianThreshold(.alpha(2)).fit(normal: [1, 2]) }
        #expect(throws: ThresholdError.self) { try GaussianThreshold(.sigmas(.nan)).fit(normal: [1, 2]) }
    }
}
