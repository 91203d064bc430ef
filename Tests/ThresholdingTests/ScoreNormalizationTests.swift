import Testing
@testable import Thresholding

@Suite struct ScoreNormalizationTests {
    @Test func thresholdMapsToOneHalfAndClamps() {
        let n = ScoreNormalization(threshold: 5, minimum: 0, maximum: 10)
        #expect(n.normalized(5) == 0.5)
        #expect(n.normalized(7.5) == 0.75)
        #expect(n.normalized(0) == 0)
        #expect(n.normalized(20) == 1)
        #expect(n.normalized(-20) == 0)
    }

    @Test func noSpreadStillMapsTheThresholdToOneHalf() {
        let n = ScoreNormalization(threshold: 2, fittedOn: [2, 2])
        #expect(n.normalized(2) == 0.5)
        #expect(n.normalized(3) == 1)
        #expect(n.normalized(1) == 0)
    }

    @Test func predictLabelsFromTheRawScoreWithPValuesAndBH() throws {
        let t = FittedThreshold(strategy: "manual", value: 1)
        let e = try t.predict([(1.0).nextDown, 1, 30], calibration: (0...8).map(Double.init), fdr: 0.35)
        #expect(e.map(\.isAnomalous) == [false, true, true])
        #expect(e.allSatisfy { $0.threshold == 1 && $0.logLikelihood == nil })
        #expect(e[0].normalized <= 0.5)
        #expect(e[1].normalized == 0.5)
        // p = (1 + #{c ≥ s})/(n + 1) with n = 9; BH at 0.35 over m = 3 keeps only p = 0.1 ≤ 0.35/3.
        #expect(e.map(\.pValue) == [0.9, 0.9, 0.1])
        #expect(e.map(\.selectedAtFDR) == [false, false, true])
        #expect(throws: ThresholdError.self) { try t.predict([1], fdr: 0.1) }
    }
}
