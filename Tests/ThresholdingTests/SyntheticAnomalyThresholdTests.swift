import Randomness
import Testing
@testable import Thresholding

@Suite struct SyntheticAnomalyThresholdTests {
    @Test func eachRuleMatchesItsUnderlyingSearchAndReportsItsEstimates() throws {
        let good: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        let synthetic: [Double] = [6.5, 8.5, 11, 12]
        let ba = try SyntheticAnomalyThreshold().fit(normal: good, anomalous: synthetic)
        #expect(ba.strategy == "synthetic-ba")
        #expect(ba.value == (6.0).nextUp)   // same labelling as 6.5, the lowest such threshold
        #expect(ba.detail("in_sample_tpr") == 1)
        #expect(ba.detail("in_sample_fpr") == 0.4)
        // AUROC by pair count: 6.5 beats 6, 8.5 beats 8, 11 and 12 beat all ten → (6 + 8 + 10 + 10)/40.
        #expect(ba.detail("synthetic_auroc") == 34.0 / 40)
        let f1 = try SyntheticAnomalyThreshold(rule: .bestF1(prior: 0.5)).fit(normal: good, anomalous: synthetic)
        #expect(f1.strategy == "synthetic-f1")
        // Same labelling of the fitting scores as the plain search, at the lowest such threshold.
        let plain = try PriorWeightedF1Threshold(prior: 0.5).fit(normal: good, anomalous: synthetic).value
        #expect(f1.value <= plain)
        #expect((good + synthetic).map { $0 >= f1.value } == (good + synthetic).map { $0 >= plain })
        let capped = try SyntheticAnomalyThreshold(rule: .bestBalancedAccuracyWithinFPR(0.1)).fit(normal: good, anomalous: synthetic)
        #expect(capped.strategy == "synthetic-ba-fpr")
        #expect(capped.targetFPR == 0.1)
        #expect((capped.detail("in_sample_fpr") ?? 1) <= 0.1)
    }

    @Test func emptyOrNonFiniteSyntheticScoresAreErrors() {
        #expect(throws: ThresholdError.self) { try SyntheticAnomalyThreshold().fit(normal: [1, 2], anomalous: []) }
        #expect(throws: ThresholdError.self) { try SyntheticAnomalyThreshold().fit(normal: [1, 2], anomalous: [.nan]) }
    }

    @Test func comparisonPassesTheSyntheticScoresAsAnomalous() throws {
        var g = SeededGenerator(seed: 9)
        let calibration = (0..<80).map { _ in g.nextGaussian() }
        let synthetic = (0..<80).map { _ in g.nextGaussian(mean: 2, standardDeviation: 1) }
        let c = try StrategyComparison(
            strategies: [SyntheticAnomalyThreshold()], calibration: calibration, synthetic: synthetic,
            testNormal: (0..<100).map { _ in g.nextGaussian() }, testAnomalous: (0..<100).map { _ in g.nextGaussian(mean: 2, standardDeviation: 1) })
        let ba = try #require(c.entries.first?.counts?.balancedAccuracy)
        // Synthetic anomalies drawn like the real ones: close to the oracle's balanced accuracy.
        let oracle = try #require(c.entries.last?.counts?.balancedAccuracy)
        #expect(ba > oracle - 0.1)
    }
}
