import Testing
@testable import Thresholding

@Suite struct ThresholdRecommendationTests {
    /// A fitted threshold with `k` false alarms of 100 good scores and `d` detections of 100 fakes.
    static func candidate(_ name: String, falseAlarms k: Int, detections d: Int?, bound: Double? = nil) throws -> FittedThreshold {
        FittedThreshold(strategy: name, value: 1, expectation: ThresholdExpectation(
            falseAlarms: try .clopperPearson(successes: k, trials: 100),
            detections: try d.map { try .clopperPearson(successes: $0, trials: 100) },
            guarantee: bound.map { .falseAlarmBound($0, basis: "split conformal") } ?? .estimate(basis: "x"),
            method: .crossFitted(folds: 5)))
    }

    static func candidates() throws -> [FittedThreshold] {
        [try candidate("conformal", falseAlarms: 5, detections: 70, bound: 0.05),  // BA 0.825
         try candidate("gaussian", falseAlarms: 10, detections: 85),               // BA 0.875
         try candidate("iqr", falseAlarms: 30, detections: 99),                    // BA 0.845, but flags 30% of good
         try candidate("synthetic-ba", falseAlarms: 12, detections: 87)]           // BA 0.875, a tie with gaussian at more FPR
    }

    @Test func theDefaultMaximisesEstimatedBalancedAccuracyAndBreaksTiesOnTheLowerFPR() throws {
        let r = ThresholdRecommendation.choose(try Self.candidates(), calibrationCount: 100, syntheticAUROC: 0.9)
        #expect(r.strategy == "gaussian")
        #expect(r.reason.contains("0.875") && r.reason.contains("10.0%") && r.reason.contains("85.0%"))
    }

    @Test func aThresholdOverTheFPRCapIsNeverRecommended() throws {
        // "wild" has the best estimated balanced accuracy (0.87 against 0.825) but flags 26% of good images.
        let list = [try Self.candidate("conformal", falseAlarms: 5, detections: 70, bound: 0.05),
                    try Self.candidate("wild", falseAlarms: 26, detections: 100)]
        #expect(ThresholdRecommendation.choose(list, calibrationCount: 100, syntheticAUROC: 0.9).strategy == "conformal")
        let allOver = [try Self.candidate("wild", falseAlarms: 26, detections: 100)]
        let r = ThresholdRecommendation.choose(allOver, calibrationCount: 100, syntheticAUROC: 0.9)
        #expect(r.strategy == "wild" && r.reason.contains("every threshold would flag more than 25.0%"))
    }

    @Test func weakSyntheticSeparationFallsBackToConformalAndSaysWhy() throws {
        let r = ThresholdRecommendation.choose(try Self.candidates(), calibrationCount: 100, syntheticAUROC: 0.7)
        #expect(r.strategy == "conformal")
        #expect(r.reason.contains("AUROC 0.7 < 0.75") && r.reason.contains("P(false alarm) ≤ 0.05"))
        let none = ThresholdRecommendation.choose(try Self.candidates(), calibrationCount: 100, syntheticAUROC: nil)
        #expect(none.strategy == "conformal" && none.reason.hasPrefix("no synthetic anomalies"))
    }

    @Test func aFalseAlarmCapTakesTheBestTPRWhoseIntervalStaysUnderIt() throws {
        // Upper 95% ends for k of 100: 5 → 0.113, 10 → 0.176, 12 → 0.2, 30 → 0.4.
        let r = ThresholdRecommendation.choose(try Self.candidates(), calibrationCount: 100, syntheticAUROC: 0.9,
                                               objective: .maximumFPR(0.19))
        #expect(r.strategy == "gaussian")
        let strict = ThresholdRecommendation.choose(try Self.candidates(), calibrationCount: 100, syntheticAUROC: 0.9,
                                                    objective: .maximumFPR(0.15))
        #expect(strict.strategy == "conformal")
        let impossible = ThresholdRecommendation.choose(try Self.candidates(), calibrationCount: 100, syntheticAUROC: 0.9,
                                                        objective: .maximumFPR(0.01))
        #expect(impossible.strategy == "conformal" && impossible.reason.contains("no threshold's 95% false-alarm interval"))
    }

    @Test func recommendedFitsEveryCandidateAndReturnsTheChosenOneWithItsReason() throws {
        var good: [Double] = [], fakes: [Double] = []
        for i in 0..<200 { good.append(Double((i * 37) % 200) / 100) }  // uniform on [0, 2)
        for i in 0..<100 { fakes.append(1.5 + Double((i * 13) % 100) / 50) }  // uniform on [1.5, 3.5)
        let fitted = try RecommendedThreshold(alpha: 0.05).fit(normal: good, anomalous: fakes)
        let reason = try #require(fitted.reason)
        #expect(fitted.expectation != nil)
        #expect(StrategyRegistry.standard[fitted.strategy] != nil && fitted.strategy != "recommended")
        #expect(reason.contains("highest estimated balanced accuracy"))
        // No fakes: conformal, the rule that needs none.
        let alone = try RecommendedThreshold(alpha: 0.05).fit(normal: good, anomalous: [])
        #expect(alone.strategy == "conformal")
    }
}
