import Testing
@testable import Thresholding

@Suite struct OrderStatisticsTests {
    /// NumPy `quantile(values, q, method="linear")`, worked by hand: h = (n − 1)·q, then
    /// s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋ + 1] − s[⌊h⌋]) on the sorted values.
    static let numpyLinearCases: [(values: [Double], q: Double, expected: Double)] = [
        ([1, 2, 3, 4, 5], 0, 1), ([1, 2, 3, 4, 5], 0.25, 2), ([1, 2, 3, 4, 5], 0.5, 3),
        ([1, 2, 3, 4, 5], 0.75, 4), ([1, 2, 3, 4, 5], 0.9, 4.6),  // h = 3.6: 4 + 0.6·1
        ([1, 2, 3, 4, 5], 1, 5),
        ([1, 2, 3, 10], 0.5, 2.5),  // h = 1.5: 2 + 0.5·1
        ([7], 0.3, 7),
        ([4, 1, 3, 2], 0.9, 3.7),  // sorted 1 2 3 4, h = 2.7: 3 + 0.7·1
        ([-3, -1, 0, 8], 0.1, -2.4),  // h = 0.3: −3 + 0.3·2
        ([2, 2, 2, 5], 0.8, 3.2),  // h = 2.4: 2 + 0.4·3
        ([0, 10], 0.33, 3.3),
    ]

    @Test func linearQuantilesMatchNumPyOnHandWorkedCases() {
        for (values, q, expected) in Self.numpyLinearCases {
            let got = OrderStatistics.quantile(sorted: values.sorted(), q)
            #expect(abs(got - expected) <= 1e-12 * Swift.max(1, abs(expected)), "\(values) at \(q): \(got)")
        }
    }

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

    @Test func interpolationAcrossTheWholeRangeDoesNotOverflow() {
        // s[hi] − s[lo] = 3.4e308 overflows; the quantile itself does not.
        let s = [-1.7e308, 1.7e308]
        #expect(OrderStatistics.quantile(sorted: s, 0.5) == 0)
        #expect(abs(OrderStatistics.quantile(sorted: s, 0.25) - -0.85e308) <= 1e-15 * 0.85e308)
        #expect(abs(OrderStatistics.quantile(sorted: s, 0.75) - 0.85e308) <= 1e-15 * 0.85e308)
        // An exact order statistic never touches its neighbour, even an infinite one.
        #expect(OrderStatistics.median(sorted: [0, 1, 2, .infinity]) == 1.5)
        #expect(OrderStatistics.median(sorted: [0, 1, .infinity]) == 1)
    }

    @Test func meanAndStandardDeviationOfExtremeMagnitudes() {
        let (m, sd) = meanAndStandardDeviation([1e160, 2e160, 3e160, 4e160])
        #expect(abs(m - 2.5e160) <= 1e-15 * 2.5e160)
        #expect(abs(sd - (5.0 / 3).squareRoot() * 1e160) <= 1e-15 * 1.3e160)
        let (m2, sd2) = meanAndStandardDeviation([1e308, 1.5e308, 1.7e308, 0.5e308])
        #expect(abs(m2 - 1.175e308) <= 1e-15 * 1.175e308)
        #expect(sd2.isFinite && sd2 > 0)
        let unit = 1e-300 / 1e10
        let (_, sd3) = meanAndStandardDeviation([1, 2, 3, 4].map { $0 * unit })
        #expect(sd3 > unit)
    }
}
