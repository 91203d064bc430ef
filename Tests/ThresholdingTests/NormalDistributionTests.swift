import Testing
@testable import Thresholding

@Suite struct NormalDistributionTests {
    // Values from scipy.stats.norm (ppf / sf), pasted as literals.
    @Test func quantileMatchesScipy() {
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-14)
        #expect(abs(NormalDistribution.quantile(0.95) - 1.6448536269514722) < 1e-14)
        #expect(abs(NormalDistribution.quantile(0.75) - 0.6744897501960817) < 1e-14)
        #expect(abs(NormalDistribution.quantile(1e-10) - -6.361340902404056) < 1e-12)
        #expect(NormalDistribution.quantile(0.5) == 0)
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
    }

    @Test func survivalMatchesScipy() {
        #expect(abs(NormalDistribution.survival(3) - 0.0013498980316300933) < 1e-17)
        #expect(abs(NormalDistribution.cdf(0) - 0.5) < 1e-16)
    }

    @Test func quantileInvertsCDFAcrossTheRange() {
        for p in stride(from: 1e-6, to: 1, by: 0.0137) {
            let x = NormalDistribution.quantile(p)
            #expect(abs(NormalDistribution.cdf(x) - p) < 1e-14 * max(1, 1 / p))
        }
    }
}
