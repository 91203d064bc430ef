import Foundation
@testable import Pipeline
import Randomness
import Thresholding

/// Hand-made comparison results for the report tests: no images, no ../shared.
enum ReportTestData {
    /// Every strategy `compare --dataset` fits (and the oracles) on seeded Gaussian scores:
    /// 200 calibration and 40 test-good scores from N(0, 1); 12 `crack` and 8 `scratch` scores
    /// from N(2.5, 1); 60 synthetic ones from N(3, 1). The classes overlap, so every threshold
    /// makes both kinds of mistake.
    static func full(seed: UInt64 = 5) throws -> DatasetComparisonResult {
        var g = SeededGenerator(seed: seed)
        let calibration = (0..<200).map { _ in g.nextGaussian() }
        let synthetic = (0..<60).map { _ in g.nextGaussian(mean: 3, standardDeviation: 1) }
        func image(_ category: String, _ i: Int, mean: Double) -> DatasetComparisonResult.ScoredImage {
            .init(path: "/data/widget/test/\(category)/\(String(format: "%03d", i)).png", category: category,
                  isAnomalous: category != "good", score: g.nextGaussian(mean: mean, standardDeviation: 1), pValue: nil)
        }
        let test = (0..<40).map { image("good", $0, mean: 0) } + (0..<12).map { image("crack", $0, mean: 2.5) }
            + (0..<8).map { image("scratch", $0, mean: 2.5) }
        var job = DatasetComparison(datasetPath: "/data/widget")
        job.alpha = 0.05
        let comparison = try StrategyComparison(
            strategies: job.comparedStrategies(), calibration: calibration, synthetic: synthetic,
            testNormal: test.filter { !$0.isAnomalous }.map(\.score), testAnomalous: test.filter(\.isAnomalous).map(\.score))
        return DatasetComparisonResult(
            dataset: "/data/widget", scorer: "kde", features: "pixels", calibration: .split, alpha: 0.05, comparison: comparison,
            recommended: Recommendation.choose(comparison, calibration: calibration, synthetic: synthetic, objective: .balancedAccuracy), test: test, calibrationScores: calibration, syntheticScores: synthetic,
            shift: nil, seed: 1234, commandLine: "thresholdkit compare --dataset /data/widget --report out",
            version: "9.8.7", date: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// The result with the recommended strategy's threshold moved to `value` (its test counts stay as they were).
    static func moving(_ r: DatasetComparisonResult, threshold value: Double) -> DatasetComparisonResult {
        var r = r
        let i = r.comparison.entries.firstIndex { $0.name == r.recommended.strategy }!
        r.comparison.entries[i].fitted?.value = value
        return r
    }
}
