import Thresholding

/// The recommendation of a dataset comparison: ``ThresholdRecommendation`` over its good-only entries.
enum Recommendation {
    static func choose(_ comparison: StrategyComparison, calibration: [Double], synthetic: [Double],
                       objective: RecommendationObjective) -> DatasetComparisonResult.Recommendation {
        // Good images (and fakes made from them) only: never the oracles, never a transductive rule.
        let fitted = comparison.entries.filter { !$0.isOracle && !$0.isTransductive }.compactMap(\.fitted)
        return ThresholdRecommendation.choose(fitted, calibration: calibration, synthetic: synthetic, objective: objective)
    }
}
