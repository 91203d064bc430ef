import Foundation
import Testing
import Randomness
@testable import Thresholding

@Suite struct ConditionalConformalThresholdTests {
    // Reference k from scipy: the smallest k with betainc(n+1-k, k, α) ≥ 1-δ.
    @Test(arguments: [(100, 0.05, 0.1, 99), (45, 0.05, 0.1, 45), (59, 0.05, 0.05, 59), (1000, 0.01, 0.05, 996)])
    func orderIndexMatchesScipy(n: Int, alpha: Double, delta: Double, k: Int) {
        #expect(ConditionalConformalThreshold.orderIndex(n: n, alpha: alpha, delta: delta) == k)
    }

    @Test func feasibilityBoundMatchesReference() {
        // REFERENCE.md §6: 45 at δ = 0.1 and 59 at δ = 0.05 for α = 0.05.
        #expect(ConditionalConformalThreshold.minimumCount(alpha: 0.05, delta: 0.1) == 45)
        #expect(ConditionalConformalThreshold.minimumCount(alpha: 0.05, delta: 0.05) == 59)
        #expect(ConditionalConformalThreshold.orderIndex(n: 44, alpha: 0.05, delta: 0.1) == nil)
    }

    @Test func infeasibleCalibrationSizeIsAClearError() {
        do {
            _ = try ConditionalConformalThreshold(alpha: 0.05, delta: 0.1).fit(normal: (0..<44).map(Double.init))
            Issue.record("expected an error")
        } catch {
            guard case let .tooFewScores(strategy, needed, got, _) = error else { Issue.record("wrong error"); return }
            #expect(strategy == "conformal-conditional")
            #expect(needed == 45)
            #expect(got == 44)
        }
        #expect(throws: ThresholdError.self) { try ConditionalConformalThreshold(delta: 1).fit(normal: [1, 2]) }
    }

    @Test func thresholdIsJustAboveTheKthScore() throws {
        var g = SeededGenerator(seed: 1)
        let s = (1...100).map(Double.init).shuffled(seeded: &g)
        let t = try ConditionalConformalThreshold(alpha: 0.05, delta: 0.1).fit(normal: s)
        #expect(t.value == (99.0).nextUp)
        #expect(t.targetFPR == 0.05)
    }

    /// Over calibration draws, the realised FPR exceeds α in at most a δ (+3 SE) fraction.
    @Test(arguments: ScoreDistribution.allCases)
    func exceedsAlphaInAtMostADeltaFractionOfDraws(distribution: ScoreDistribution) throws {
        let alpha = 0.05, delta = 0.1, n = 200, draws = 1000
        var g = SeededGenerator(seed: 99)
        var exceed = 0
        for _ in 0..<draws {
            let calibration = (0..<n).map { _ in distribution.sample(&g) }
            let t = try ConditionalConformalThreshold(alpha: alpha, delta: delta).fit(normal: calibration)
            if distribution.survival(t.value) > alpha { exceed += 1 }
        }
        let fraction = Double(exceed) / Double(draws)
        let se = (delta * (1 - delta) / Double(draws)).squareRoot()
        #expect(fraction <= delta + 3 * se)
        // For continuous scores the exceedance probability is exactly 1 − I_α(n+1−k, k)
        // (0.0623 here, scipy), so the draws must also match it, not just stay below δ.
        let k = try #require(ConditionalConformalThreshold.orderIndex(n: n, alpha: alpha, delta: delta))
        let exact = 1 - regularizedIncompleteBeta(alpha, a: Double(n + 1 - k), b: Double(k))
        #expect(abs(exact - 0.06234249504229472) < 1e-9)
        #expect(abs(fraction - exact) < 4 * (exact * (1 - exact) / Double(draws)).squareRoot())
    }

    @Test func aThresholdAboveTheLargestDoubleIsATypedError() {
        let scores = (1...45).map(Double.init) + [.greatestFiniteMagnitude]
        #expect(throws: ThresholdError.self) {
            try ConditionalConformalThreshold(alpha: 0.05, delta: 0.1).fit(normal: scores)
        }
    }

    @Test func tooFewScoresStatesTheProbabilityWithoutFloatNoise() {
        do {
            _ = try ConditionalConformalThreshold(alpha: 0.05, delta: 0.07).fit(normal: [1, 2, 3])
            Issue.record("expected an error")
        } catch {
            // 1 − 0.07 is 0.9299999999999999 in binary.
            #expect(error.description.contains("probability 0.93 "), "\(error)")
        }
    }
}
