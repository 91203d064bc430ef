import Thresholding

/// The recommendation of a dataset comparison: ``ThresholdRecommendation`` over its good-only entries.
enum Recommendation {
    static func choose(_ comparison: StrategyComparison, calibration: [Double], synthetic: [Double],
                       objective: RecommendationObjective) -> DatasetComparisonResult.Recommendation {
        let fitted = comparison.entries.filter { !$0.isOracle }.compactMap(\.fitted)
        let choice = ThresholdRecommendation.choose(fitted, calibration: calibration, synthetic: synthetic, objective: objective)
        return .init(strategy: choice.strategy, reason: choice.reason)
    }
}
