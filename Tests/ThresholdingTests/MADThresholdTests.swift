import Testing
@testable import Thresholding

@Suite struct MADThresholdTests {
    @Test func robustToOneOutlier() throws {
        // median 3; |x − 3| = [2, 1, 0, 1, 97] → MAD 1.
        let t = try MADThreshold().fit(normal: [1, 2, 3, 4, 100])
        #expect(abs(t.value - (3 + 3 * 1.4826)) < 1e-12)
        #expect(t.detail("mad") == 1)
        #expect(abs((t.targetFPR ?? 0) - 0.0013498980316300933) < 1e-17)
    }

    @Test func zeroMADIsAClearError() {
        #expect(throws: ThresholdError.self) { try MADThreshold().fit(normal: [1, 1, 1, 5]) }
        #expect(throws: ThresholdError.self) { try MADThreshold().fit(normal: []) }
    }

    @Test func hugeScoresOfBothSignsGiveAFiniteThresholdNotNaN() throws {
        // Median 1.6e308; deviations 0, 0.1, 0.1 (×1e308) and two beyond the largest Double,
        // which used to make the median deviation 0.1e308 + 0·∞ = NaN.
        let scores = [-1.7e308, -1.7e308, 1.6e308, 1.7e308, 1.7e308]
        let t = try MADThreshold(k: 0.5).fit(normal: scores)
        let mad = try #require(t.detail("mad"))
        #expect(abs(mad - 0.1e308) <= 1e-12 * 0.1e308)
        #expect(abs(t.value - (1.6e308 + 0.5 * 1.4826 * mad)) <= 1e-15 * 1.7e308)
        #expect(throws: ThresholdError.self) { try MADThreshold(k: 3).fit(normal: scores) }
    }

    @Test func subnormalScoresWithSpreadHaveAPositiveMAD() throws {
        let unit = 1e-300 / 1e20  // 1e-320, a subnormal with 13 significant bits
        let t = try MADThreshold().fit(normal: [1, 2, 3, 5].map { $0 * unit })
        #expect(try #require(t.detail("mad")) > 0)
        #expect(t.value > 2.5 * unit)
    }
}
