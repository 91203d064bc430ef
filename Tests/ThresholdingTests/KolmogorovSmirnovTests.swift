import Randomness
import Testing
@testable import Thresholding

@Suite struct KolmogorovSmirnovTests {
    // scipy.stats.kstwobign.sf, the asymptotic Kolmogorov distribution.
    @Test func kolmogorovDistributionMatchesScipyOnBothBranches() {
        #expect(abs(KolmogorovSmirnov.kolmogorovSurvival(0.5) - 0.9639452436648751) < 1e-12)
        #expect(abs(KolmogorovSmirnov.kolmogorovSurvival(1.0) - 0.26999967167735456) < 1e-12)
        #expect(abs(KolmogorovSmirnov.kolmogorovSurvival(2.0) - 0.0006709252557796953) < 1e-15)
        #expect(KolmogorovSmirnov.kolmogorovSurvival(0) == 1)
    }

    @Test func statisticMatchesScipyAndPValueIsClose() throws {
        // scipy.stats.kstest(x, 'uniform'): D = 0.2142857142857143, exact p = 0.8439.
        let t = try KolmogorovSmirnov(uniform: [0.1, 0.4, 0.35, 0.8, 0.95, 0.05, 0.5])
        #expect(abs(t.statistic - 0.2142857142857143) < 1e-15)
        #expect(abs(t.pValue - 0.8439425749475133) < 0.02)
        // 40 values crowded into [0.01, 0.3]: D = 0.7, a clear shift.
        let shifted = try KolmogorovSmirnov(uniform: (0..<40).map { 0.01 + 0.29 * Double($0) / 39 })
        #expect(abs(shifted.statistic - 0.7) < 1e-12)
        #expect(shifted.pValue < 1e-15)
        // Crowded towards 0: D⁺ = 1 − 0.3 is the statistic, D⁻ = 0.01 − 0.
        #expect(shifted.leansLow)
        #expect(abs(shifted.excessBelow - 0.7) < 1e-12 && abs(shifted.excessAbove - 0.01) < 1e-12)
        let high = try KolmogorovSmirnov(uniform: (0..<40).map { 0.7 + 0.29 * Double($0) / 39 })
        #expect(!high.leansLow)
        #expect(abs(high.excessAbove - 0.7) < 1e-12)
    }

    @Test func uniformDrawsRejectAtAboutTheNominalRate() throws {
        var g = SeededGenerator(seed: 17)
        var rejections = 0
        let draws = 2000
        for _ in 0..<draws {
            let t = try KolmogorovSmirnov(uniform: (0..<50).map { _ in g.nextUnitInterval() })
            if t.pValue < 0.05 { rejections += 1 }
        }
        let rate = Double(rejections) / Double(draws)
        #expect(abs(rate - 0.05) < 3 * (0.05 * 0.95 / Double(draws)).squareRoot() + 0.01)
    }

    @Test func badInput() {
        #expect(throws: ThresholdError.self) { try KolmogorovSmirnov(uniform: []) }
        #expect(throws: ThresholdError.self) { try KolmogorovSmirnov(uniform: [0.5, 1.5]) }
    }
}
