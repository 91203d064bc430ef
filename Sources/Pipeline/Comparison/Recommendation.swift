import Thresholding

/// The recommendation of a dataset comparison: ``ThresholdRecommendation`` over its good-only entries.
enum Recommendation {
    static func choose(_ comparison: StrategyComparison, calibration: [Double], synthetic: [Double],
                       objective: RecommendationObjective) -> DatasetComparisonResult.Recommendation {
        let fitted = comparison.entries.filter(\.isGoodOnly).compactMap(\.fitted)
        return ThresholdRecommendation.choose(fitted, calibration: calibration, synthetic: synthetic, objective: objective)
    }
}
