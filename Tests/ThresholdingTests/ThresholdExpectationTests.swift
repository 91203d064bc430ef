import Randomness
import Testing
@testable import Thresholding

@Suite struct ThresholdExpectationTests {
    @Test func conformalCrossFitCountsEachFoldAgainstACutOffFittedWithoutIt() throws {
        // Fold j holds scores j+1 and j+6. Refitted on the other 8, conformal at α = 0.2 takes
        // the k = ⌈9 · 0.8⌉ = 8th: the largest. Only fold 4 (5, 10) loses its maximum, 10,
        // so 10 is the one false alarm: 1 of 10.
        let scores = (1...10).map(Double.init)
        let e = try ThresholdExpectation.crossFitted(ConformalThreshold(alpha: 0.2), normal: scores)
        #expect(e.falseAlarms.successes == 1 && e.falseAlarms.trials == 10)
        #expect(e.expectedFPR == 0.1)
        #expect(e.method == .crossFitted(folds: 5))
        #expect(e.detections == nil && e.estimatedTPR == nil)
        #expect(e.guarantee == .falseAlarmBound(0.2, basis: "split conformal"))
        // Fold rates 0, 0, 0, 0, ½ vary more than binomial noise allows (sample variance 0.05
        // against 0.1 · 0.9 / 2 = 0.045), so the interval widens to Clopper–Pearson at
        // n_eff = ⌊0.09 / (0.009 + 0.005)⌋ = 6 with round(0.1 · 6) = 1 event.
        let exact = try BinomialInterval.clopperPearson(successes: 1, trials: 10)
        let wide = try BinomialInterval.clopperPearson(successes: 1, trials: 6)
        #expect(e.expectedFPRInterval.lower == exact.lower)
        #expect(e.expectedFPRInterval.upper == wide.upper)
        #expect(abs(wide.upper - 0.6412) < 1e-4)
    }

    @Test func aStableRuleKeepsTheExactClopperPearsonInterval() throws {
        // 40 good scores 0…39 and conformal at α = 0.25: each fold of 8 loses the same share.
        let e = try ThresholdExpectation.crossFitted(ConformalThreshold(alpha: 0.25), normal: (0..<40).map(Double.init))
        let exact = try BinomialInterval.clopperPearson(successes: e.falseAlarms.successes, trials: 40)
        #expect(e.expectedFPRInterval.lower == exact.lower && e.expectedFPRInterval.upper == exact.upper)
    }

    @Test func aManualCutOffIsCountedInSampleWhichIsUnbiasedForIt() throws {
        let e = try ThresholdExpectation.crossFitted(ManualThreshold(value: 5), normal: (1...10).map(Double.init),
                                                     anomalous: [4, 6, 8, 9])
        #expect(e.method == .inSample)
        #expect(e.falseAlarms.successes == 6)  // 5, 6, …, 10 are ≥ 5
        #expect(e.detections?.successes == 3)  // 6, 8, 9
        #expect(e.estimatedTPR == 0.75)
        #expect(e.guarantee == .given && !e.guarantee.isGuarantee)
        #expect(e.estimatedBalancedAccuracy == (1 - 0.6 + 0.75) / 2)
    }

    @Test func aStrategyTooHungryForTheFoldsFallsBackToInSampleCounts() throws {
        // Conformal at α = 0.1 needs 9 scores; folds of 10 leave 8.
        let scores = (1...10).map(Double.init)
        let e = try ThresholdExpectation.crossFitted(ConformalThreshold(alpha: 0.1), normal: scores)
        #expect(e.method == .inSample)
        #expect(e.falseAlarms.successes == 0)  // t = 10.nextUp flags none of the ten
    }

    @Test func badScoresAreErrorsNamingTheSet() {
        #expect(throws: ThresholdError.self) { try ThresholdExpectation.crossFitted(ConformalThreshold(alpha: 0.2), normal: []) }
        #expect(throws: ThresholdError.self) { try ThresholdExpectation.crossFitted(ConformalThreshold(alpha: 0.2), normal: [1, .nan]) }
        #expect(throws: ThresholdError.self) {
            try ThresholdExpectation.crossFitted(ConformalThreshold(alpha: 0.2), normal: [1, 2], anomalous: [.infinity])
        }
    }

    @Test func onlyConformalRulesStateABoundAndCrossFittingDoublesIt() {
        #expect(ConformalThreshold(alpha: 0.05).guarantee.text == "P(false alarm) ≤ 0.05 (split conformal)")
        #expect(ConformalThreshold(alpha: 0.05).guarantee.crossFitted
                == .falseAlarmBound(0.1, basis: "split conformal, cross-fitted calibration: 2α in the worst case"))
        #expect(ConditionalConformalThreshold(alpha: 0.05, delta: 0.1).guarantee.isGuarantee)
        for strategy in [EVTThreshold(alpha: 0.05), GaussianThreshold(), MADThreshold(), SyntheticAnomalyThreshold()] as [any Threshold] {
            #expect(!strategy.guarantee.isGuarantee, "\(strategy.name)")
            #expect(strategy.guarantee.text.hasPrefix("estimate, not a guarantee"), "\(strategy.name)")
        }
        #expect(SyntheticAnomalyThreshold().guarantee == .estimate(basis: "fitted on synthetic anomalies"))
    }

    /// Over many seeded draws from N(0, 1) good scores and N(2.5, 1) anomalies, the stated 95%
    /// intervals cover the fitted cut-off's true rates (1 − Φ(t), 1 − Φ(t − 2.5)) at about 95%.
    @Test(arguments: ["conformal", "gaussian", "synthetic-ba", "evt"])
    func statedIntervalsCoverTheTrueRatesAtAboutTheirLevel(strategy key: String) throws {
        var values = StrategyRegistry.standard[key]!.emptyValues
        values.set("alpha", .number(0.1))
        let strategy = try StrategyRegistry.standard[key]!.make(values)
        let draws = 300
        var fprCovered = 0, tprCovered = 0
        for draw in 0..<draws {
            var g = SeededGenerator(seed: UInt64(1000 + draw))
            let good = (0..<200).map { _ in g.nextGaussian() }
            let synthetic = (0..<100).map { _ in g.nextGaussian(mean: 2.5, standardDeviation: 1) }
            let fitted = try strategy.fitWithExpectation(normal: good, anomalous: synthetic)
            let x = try #require(fitted.expectation)
            let trueFPR = NormalDistribution.survival(fitted.value)
            let trueTPR = NormalDistribution.survival(fitted.value - 2.5)
            if x.falseAlarms.lower <= trueFPR && trueFPR <= x.falseAlarms.upper { fprCovered += 1 }
            if let d = x.detections, d.lower <= trueTPR && trueTPR <= d.upper { tprCovered += 1 }
        }
        let fprCoverage = Double(fprCovered) / Double(draws), tprCoverage = Double(tprCovered) / Double(draws)
        // 95% nominal; 300 draws put the sampling error near ±2.5%, and Clopper–Pearson is conservative.
        #expect(fprCoverage >= 0.88 && fprCoverage <= 1, "FPR coverage \(fprCoverage)")
        #expect(tprCoverage >= 0.88 && tprCoverage <= 1, "TPR coverage \(tprCoverage)")
    }
}
