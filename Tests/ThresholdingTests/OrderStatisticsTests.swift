import Testing
@testable import Thresholding

@Suite struct OrderStatisticsTests {
    @Test func linearQuantilesMatchNumPy() {
        // numpy.quantile([1,2,3,4,5], [0.25, 0.5, 0.75, 0.9]) = [2, 3, 4, 4.6]
        let s: [Double] = [1, 2, 3, 4, 5]
        #expect(OrderStatistics.quantile(sorted: s, 0.25) == 2)
        #expect(OrderStatistics.median(sorted: s) == 3)
        #expect(OrderStatistics.quantile(sorted: s, 0.75) == 4)
        #expect(abs(OrderStatistics.quantile(sorted: s, 0.9) - 4.6) < 1e-12)
        #expect(OrderStatistics.median(sorted: [1, 2, 3, 10]) == 2.5)
        #expect(OrderStatistics.quantile(sorted: [7], 0.3) == 7)
    }

    @Test func tolerantCeilingAbsorbsRoundingButNotRealFractions() {
        #expect(OrderStatistics.ceilTolerant(20 * (1 - 0.05)) == 19)
        #expect(OrderStatistics.ceilTolerant(6 * (1 - 1.0 / 3)) == 4)
        #expect(OrderStatistics.ceilTolerant(4.8) == 5)
        #expect(OrderStatistics.ceilTolerant(19.000001) == 20)
    }

    @Test func meanAndUnbiasedStandardDeviation() {
        let (m, sd) = meanAndStandardDeviation([1, 2, 3, 4, 5])
        #expect(m == 3)
        #expect(abs(sd - 2.5.squareRoot()) < 1e-15)
        // Two-pass: a large offset does not destroy the variance.
        let (_, sd2) = meanAndStandardDeviation([1e9 + 1, 1e9 + 2, 1e9 + 3])
        #expect(abs(sd2 - 1) < 1e-9)
    }
}
