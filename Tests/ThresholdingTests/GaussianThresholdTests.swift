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

    @Test func largeFiniteScoresGiveTheExactFiniteThreshold() throws {
        // Mean 2.5e160, unbiased σ = √(5/3)·1e160; the sum of squares (1e321) overflows unscaled.
        let t = try GaussianThreshold(.sigmas(2)).fit(normal: [1e160, 2e160, 3e160, 4e160])
        let expected = 2.5e160 + 2 * (5.0 / 3).squareRoot() * 1e160
        #expect(abs(t.value - expected) <= 1e-15 * expected)
        #expect(abs(try #require(t.detail("sd")) - (5.0 / 3).squareRoot() * 1e160) <= 1e-15 * 1.3e160)
    }

    @Test func subnormalScoresWithSpreadHaveAPositiveSigma() throws {
        // The squared deviations (1e-620) underflow unscaled, which claimed σ = 0.
        let unit = 1e-300 / 1e10  // 1e-310, a subnormal (a literal would warn)
        let t = try GaussianThreshold(.sigmas(1)).fit(normal: [1, 2, 3, 4].map { $0 * unit })
        let sd = try #require(t.detail("sd"))
        // Subnormals near 1e-310 carry about 45 significant bits.
        #expect(abs(sd - (5.0 / 3).squareRoot() * unit) <= 1e-12 * 1.3 * unit)
        #expect(abs(t.value - (2.5 * unit + sd)) <= 1e-12 * 3.8 * unit)
    }

    @Test func aThresholdBeyondTheLargestDoubleIsATypedError() {
        // mean 1.4e308, σ = √0.13·1e308 ≈ 3.6e307: mean + 10σ ≈ 5.0e308 does not fit in a Double.
        do {
            let t = try GaussianThreshold(.sigmas(10)).fit(normal: [1e308, 1.5e308, 1.7e308])
            Issue.record("expected an error, got \(t.value)")
        } catch {
            guard case .notRepresentable(strategy: "gaussian", _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("overflows a Double"))
            #expect(error.description.contains("5.0e308"))
            #expect(error.description.contains("rescale the scores"))
        }
        // σ of ±1.7e308 is 2.4e308, itself beyond the range, even though the mean is 0.
        #expect(throws: ThresholdError.self) { try GaussianThreshold(.sigmas(0.1)).fit(normal: [-1.7e308, 1.7e308]) }
    }
}
