import Testing
import Thresholding
@testable import Pipeline

@Suite struct RecommendationTests {
    static func comparison(synthetic: [Double], calibration: [Double]) throws -> StrategyComparison {
        try StrategyComparison(
            strategies: [ConformalThreshold(alpha: 0.05), MADThreshold(), SyntheticAnomalyThreshold()],
            calibration: calibration, synthetic: synthetic, testNormal: [0, 1, 2], testAnomalous: [5, 6])
    }

    @Test func separableSyntheticAnomaliesRecommendSyntheticBA() throws {
        let r = Recommendation.choose(try Self.comparison(synthetic: (0..<30).map { 100 + Double($0) }, calibration: (0..<30).map(Double.init)))
        #expect(r.strategy == "synthetic-ba")
        #expect(r.reason.contains("AUROC 1"))
    }

    @Test func inseparableSyntheticAnomaliesFallBackToConformal() throws {
        // Synthetic scores drawn from the same values as the good ones: AUROC 0.5.
        let r = Recommendation.choose(try Self.comparison(synthetic: (0..<30).map(Double.init), calibration: (0..<30).map(Double.init)))
        #expect(r.strategy == "conformal")
        #expect(r.reason.contains("barely separate"))
    }

    @Test func tooFewCalibrationScoresFallBackToMAD() throws {
        let r = Recommendation.choose(try Self.comparison(synthetic: [1, 2, 3], calibration: [1, 2, 3, 4, 5]))
        #expect(r.strategy == "mad")
    }
}
