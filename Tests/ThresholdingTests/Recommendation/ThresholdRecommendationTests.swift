import Testing
@testable import Thresholding

@Suite struct ThresholdRecommendationTests {
    /// A fitted cut-off at `value` with `k` false alarms of 100 good scores and `d` detections of 100 fakes.
    static func candidate(_ name: String, at value: Double, falseAlarms k: Int, of n: Int = 100, detections d: Int, of m: Int = 100,
                          bound: Double? = nil) throws -> FittedThreshold {
        FittedThreshold(strategy: name, value: value, expectation: ThresholdExpectation(
            falseAlarms: try .clopperPearson(successes: k, trials: n),
            detections: try .clopperPearson(successes: d, trials: m),
            guarantee: bound.map { .falseAlarmBound($0, basis: "split conformal") } ?? .estimate(basis: "x"),
            method: .crossFitted(folds: 5)))
    }

    static let good = (0..<100).map { Double($0) / 100 }
    static let fakes = [Double](repeating: 2, count: 100)  // AUROC 1 against `good`
    /// Full strength only, to test the rest of the rule on its own.
    static var fullStrength: ThresholdRecommendation.Settings {
        var s = ThresholdRecommendation.Settings()
        s.strengths = [1]
        return s
    }

    static func candidates() throws -> [FittedThreshold] {
        [try candidate("conformal", at: 1, falseAlarms: 5, detections: 70, bound: 0.05),  // BA 0.825
         try candidate("gaussian", at: 2, falseAlarms: 10, detections: 90),               // BA 0.9
         try candidate("mad", at: 2.5, falseAlarms: 10, detections: 90),                  // the same estimates
         try candidate("synthetic-ba", at: 3, falseAlarms: 10, detections: 90),           // the same estimates
         try candidate("iqr", at: 0.5, falseAlarms: 30, detections: 99)]                  // flags 30% of good
    }

    @Test func theDefaultMaximisesEstimatedBalancedAccuracyAndTakesTheMiddleOfTiedCutOffs() throws {
        let r = ThresholdRecommendation.choose(try Self.candidates(), calibration: Self.good, synthetic: Self.fakes,
                                               settings: Self.fullStrength)
        #expect(r.strategy == "mad")
        #expect(r.reason.contains("highest estimated balanced accuracy 0.9 ") && r.reason.contains("3 cut-offs tie"))
    }

    @Test func poolingWeakerFakesFavoursTheLowerCutOff() throws {
        // Good 0…4 (median 2), fakes 6 and 10. At strength ¾ they score 5 and 8, at ½ 4 and 6.
        // A at 5.5 catches both fakes only at full strength: pooled TPR (1 + ½ + ½)/3 = ⅔, BA ⅚.
        // B at 3.5 catches all at every strength but flags one good score in five: BA (1 − 0.2 + 1)/2 = 0.9.
        let a = try Self.candidate("a", at: 5.5, falseAlarms: 0, of: 5, detections: 2, of: 2)
        let b = try Self.candidate("b", at: 3.5, falseAlarms: 1, of: 5, detections: 2, of: 2)
        let good: [Double] = [0, 1, 2, 3, 4], fakes: [Double] = [6, 10]
        #expect(ThresholdRecommendation.choose([a, b], calibration: good, synthetic: fakes).strategy == "b")
        #expect(ThresholdRecommendation.choose([a, b], calibration: good, synthetic: fakes, settings: Self.fullStrength).strategy == "a")
    }

    @Test func aThresholdOverTheFPRCapIsNeverRecommended() throws {
        // "wild" has the best estimated balanced accuracy (0.87 against 0.825) but flags 26% of good images.
        let list = [try Self.candidate("conformal", at: 1, falseAlarms: 5, detections: 70, bound: 0.05),
                    try Self.candidate("wild", at: 0.5, falseAlarms: 26, detections: 100)]
        #expect(ThresholdRecommendation.choose(list, calibration: Self.good, synthetic: Self.fakes, settings: Self.fullStrength).strategy == "conformal")
        let r = ThresholdRecommendation.choose([list[1]], calibration: Self.good, synthetic: Self.fakes, settings: Self.fullStrength)
        #expect(r.strategy == "wild" && r.reason.contains("every threshold would flag more than 25.0%"))
    }

    @Test func weakSyntheticSeparationFallsBackToConformalAndSaysWhy() throws {
        let r = ThresholdRecommendation.choose(try Self.candidates(), calibration: Self.good, synthetic: Self.good)
        #expect(r.strategy == "conformal")
        #expect(r.reason.contains("AUROC 0.5 < 0.75") && r.reason.contains("P(false alarm) ≤ 0.05"))
        let none = ThresholdRecommendation.choose(try Self.candidates(), calibration: Self.good, synthetic: [])
        #expect(none.strategy == "conformal" && none.reason.hasPrefix("no synthetic anomalies"))
    }

    @Test func aFalseAlarmCapTakesTheBestTPRWhoseIntervalStaysUnderIt() throws {
        // Upper 95% ends for k of 100: 5 → 0.113, 10 → 0.176, 30 → 0.4.
        let r = ThresholdRecommendation.choose(try Self.candidates(), calibration: Self.good, synthetic: Self.fakes,
                                               objective: .maximumFPR(0.19), settings: Self.fullStrength)
        #expect(r.strategy == "mad")
        let strict = ThresholdRecommendation.choose(try Self.candidates(), calibration: Self.good, synthetic: Self.fakes,
                                                    objective: .maximumFPR(0.15), settings: Self.fullStrength)
        #expect(strict.strategy == "conformal")
        let impossible = ThresholdRecommendation.choose(try Self.candidates(), calibration: Self.good, synthetic: Self.fakes,
                                                        objective: .maximumFPR(0.01))
        #expect(impossible.strategy == "conformal" && impossible.reason.contains("no threshold's 95% false-alarm interval"))
    }

    @Test func recommendedFitsEveryCandidateAndReturnsTheChosenOneWithItsReason() throws {
        let good = (0..<200).map { Double(($0 * 37) % 200) / 100 }   // uniform on [0, 2)
        let fakes = (0..<100).map { 1.5 + Double(($0 * 13) % 100) / 50 }  // uniform on [1.5, 3.5)
        let fitted = try RecommendedThreshold(alpha: 0.05).fit(normal: good, anomalous: fakes)
        let reason = try #require(fitted.reason)
        #expect(fitted.expectation != nil)
        #expect(StrategyRegistry.standard[fitted.strategy] != nil && fitted.strategy != "recommended")
        #expect(reason.contains("highest estimated balanced accuracy"))
        // No fakes: conformal, the rule that needs none.
        #expect(try RecommendedThreshold(alpha: 0.05).fit(normal: good, anomalous: []).strategy == "conformal")
    }
}
