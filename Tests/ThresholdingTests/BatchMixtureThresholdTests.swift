import Testing
import Randomness
@testable import Thresholding

@Suite struct BatchMixtureThresholdTests {
    @Test func handComputedBatchPicksTheLowestCutOffOfTheBestEstimatedBalancedAccuracy() throws {
        // Calibration 1…9; batch p-values 0.9, 0.7, 0.5, 0.3 and four of 0.1: two above ½,
        // so π̂₀ = 3 / (0.5 · 8) = 0.75. At t = 20 half the batch is flagged and no calibration
        // score: TPR = min(1, 0.5 / 0.25) = 1, FPR = 0, estimated BA 1; t = 30 … 50 tie, the lowest wins.
        let fitted = try BatchMixtureThreshold().fit(normal: (1...9).map(Double.init), anomalous: [2, 4, 6, 8, 20, 30, 40, 50])
        #expect(fitted.value == 20)
        #expect(fitted.strategy == "batch-ba")
        #expect(fitted.detail("pi0") == 0.75)
        #expect(fitted.detail("estimated_anomalies") == 2)
        #expect(fitted.detail("mixture_tpr") == 1)
        #expect(fitted.detail("mixture_fpr") == 0)
        #expect(fitted.detail("batch_flagged") == 4)
        #expect(fitted.warnings.isEmpty)
    }

    @Test func aBatchThatLooksAllGoodFallsBackToConformalWithAWarning() throws {
        // The batch is the calibration set itself: ten of 19 p-values exceed ½, π̂₀ = 11 / 9.5 → 1.
        let good = (1...19).map(Double.init)
        let fitted = try BatchMixtureThreshold(alpha: 0.05).fit(normal: good, anomalous: good)
        // Conformal at α = 0.05 with n = 19: k = ⌈20 · 0.95⌉ = 19, t = 19.nextUp.
        #expect(fitted.value == Double(19).nextUp)
        #expect(fitted.strategy == "batch-ba")
        #expect(fitted.detail("pi0") == 1)
        #expect(fitted.warnings.count == 1)
        #expect(fitted.warnings.first?.contains("conformal") == true)
    }

    @Test func beatsConformalOnSeededMixturesWithSubtleAnomalies() throws {
        // Good N(0, 1); a batch of 200 good and 100 anomalies N(1.5, 1). The best cut-off, 0.75,
        // has BA Φ(0.75) ≈ 0.773; conformal at α = 0.05 sits near 1.645, BA ≈ 0.696. BA is measured
        // on the true distributions, so it is the cut-off's, not one draw's.
        func ba(_ t: Double) -> Double { (NormalDistribution.survival(t - 1.5) + NormalDistribution.cdf(t)) / 2 }
        var g = SeededGenerator(seed: 2026)
        var batchBA: [Double] = [], conformalBA: [Double] = []
        for _ in 0..<100 {
            let calibration = (0..<300).map { _ in g.nextGaussian() }
            let batch = (0..<200).map { _ in g.nextGaussian() } + (0..<100).map { _ in g.nextGaussian(mean: 1.5, standardDeviation: 1) }
            batchBA.append(ba(try BatchMixtureThreshold().fit(normal: calibration, anomalous: batch).value))
            conformalBA.append(ba(try ConformalThreshold(alpha: 0.05).fit(normal: calibration).value))
        }
        let mean = { (x: [Double]) in x.reduce(0, +) / Double(x.count) }
        #expect(mean(batchBA) > 0.73, "mean BA \(mean(batchBA))")
        #expect(mean(batchBA) > mean(conformalBA) + 0.03, "batch \(mean(batchBA)) vs conformal \(mean(conformalBA))")
    }

    @Test func refusesAnEmptyBatchNonFiniteScoresAndParametersOutOfRange() {
        #expect(throws: ThresholdError.tooFewScores(strategy: "batch-ba", needed: 1, got: 0, reason: "the unlabelled batch is empty")) {
            try BatchMixtureThreshold().fit(normal: [1, 2, 3], anomalous: [])
        }
        #expect(throws: ThresholdError.self) { try BatchMixtureThreshold().fit(normal: [], anomalous: [1]) }
        #expect(throws: ThresholdError.nonFiniteScore(set: "batch", index: 1, value: .infinity)) {
            try BatchMixtureThreshold().fit(normal: [1, 2, 3], anomalous: [1, .infinity])
        }
        #expect(throws: ThresholdError.self) { try BatchMixtureThreshold(lambda: 1.5).fit(normal: [1, 2, 3], anomalous: [4]) }
        #expect(throws: ThresholdError.self) { try BatchMixtureThreshold(alpha: 0).fit(normal: [1, 2, 3], anomalous: [4]) }
    }

    @Test func itsExpectationCrossFitsTheFalseAlarmRateAndStatesNoDetectionRate() throws {
        var g = SeededGenerator(seed: 5)
        let calibration = (0..<100).map { _ in g.nextGaussian() }
        let batch = (0..<60).map { _ in g.nextGaussian() } + (0..<40).map { _ in g.nextGaussian(mean: 3, standardDeviation: 1) }
        let fitted = try BatchMixtureThreshold().fitWithExpectation(normal: calibration, anomalous: batch)
        let x = try #require(fitted.expectation)
        #expect(x.estimatedTPR == nil)
        #expect(x.anomalySource == "none: the batch is unlabelled")
        #expect(!x.guarantee.isGuarantee)
        #expect(x.method == .crossFitted(folds: 5))
        // The expected FPR is a share of the 100 calibration scores, counted fold by fold.
        #expect(x.falseAlarms.trials == 100)
        #expect(fitted.detail("n_batch") == 100)
    }

    @Test func isRegisteredAsATransductiveBatchStrategy() throws {
        let d = try #require(StrategyRegistry.standard["batch-ba"])
        #expect(d.family == .batch)
        #expect(d.reads == .unlabelledBatch)
        var v = d.emptyValues
        v.set("lambda", .number(0.6))
        let made = try #require(try d.make(v) as? BatchMixtureThreshold)
        #expect(made.lambda == 0.6)
    }
}
