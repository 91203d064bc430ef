import Testing
import Thresholding
@testable import Pipeline

@Suite struct RecommendationTests {
    static func comparison(synthetic: [Double], calibration: [Double]) throws -> StrategyComparison {
        try StrategyComparison(
            strategies: [ConformalThreshold(alpha: 0.05), MADThreshold(), SyntheticAnomalyThreshold()],
            calibration: calibration, synthetic: synthetic, testNormal: [0, 1, 2], testAnomalous: [5, 6])
    }

    @Test func separableSyntheticAnomaliesRecommendTheBestEstimatedBalancedAccuracy() throws {
        // Good 0…29, fakes 100…129. Cross-fitted, conformal and synthetic-ba each flag 29 once
        // (in the fold that holds the maximum); MAD's cut (14.5 + 3 · 1.4826 · 7.5 ≈ 47.9) flags no
        // good score and every fake: estimated BA 1.
        let calibration = (0..<30).map(Double.init), synthetic = (0..<30).map { 100 + Double($0) }
        let r = Recommendation.choose(try Self.comparison(synthetic: synthetic, calibration: calibration),
                                      calibration: calibration, synthetic: synthetic, objective: .balancedAccuracy)
        #expect(r.strategy == "mad")
        #expect(r.reason.contains("highest estimated balanced accuracy 1 "))
    }

    @Test func inseparableSyntheticAnomaliesFallBackToConformal() throws {
        // Synthetic scores drawn from the same values as the good ones: AUROC 0.5.
        let same = (0..<30).map(Double.init)
        let r = Recommendation.choose(try Self.comparison(synthetic: same, calibration: same),
                                      calibration: same, synthetic: same, objective: .balancedAccuracy)
        #expect(r.strategy == "conformal")
        #expect(r.reason.contains("barely separate"))
    }

    @Test func withoutConformalTheFallbackIsTheLowestEstimatedFalseAlarmRate() throws {
        // Five good scores are too few for conformal at α = 0.05, and the fakes do not separate.
        let r = Recommendation.choose(try Self.comparison(synthetic: [1, 2, 3], calibration: [1, 2, 3, 4, 5]),
                                      calibration: [1, 2, 3, 4, 5], synthetic: [1, 2, 3], objective: .balancedAccuracy)
        #expect(r.strategy != "conformal")
        #expect(r.reason.contains("conformal cannot be fitted at this α"))
    }

    @Test func aTransductiveStrategyIsComparedOnTheUnlabelledTestScoresButNeverRecommendedNorRanked() throws {
        let calibration = (0..<30).map(Double.init), synthetic = (0..<30).map { 100 + Double($0) }
        let c = try StrategyComparison(
            strategies: [ConformalThreshold(alpha: 0.05), MADThreshold(), SyntheticAnomalyThreshold(), BatchMixtureThreshold()],
            calibration: calibration, synthetic: synthetic, testNormal: [0, 1, 2], testAnomalous: [50, 60])
        let batch = try #require(c.entries.first { $0.name == "batch-ba" })
        #expect(batch.isTransductive && !batch.isOracle)
        // Its batch is every test score, without labels: 3 + 2.
        #expect(batch.fitted?.detail("n_batch") == 5)
        #expect(c.entries.filter(\.isTransductive).count == 1)
        let r = Recommendation.choose(c, calibration: calibration, synthetic: synthetic, objective: .balancedAccuracy)
        #expect(r.strategy != "batch-ba")
        // Ranked among conformal, mad and synthetic-ba only.
        let check = try #require(RecommendationCheck(c, recommended: r.strategy))
        #expect(check.of == 3)
        let json = c.json(alpha: 0.05).serialized()
        #expect(json.contains("\"batch-ba\":{"))
        #expect(json.contains("\"transductive\":true"))
    }
}
