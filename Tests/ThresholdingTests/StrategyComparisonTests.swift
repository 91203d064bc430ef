import Testing
import Randomness
@testable import Thresholding

@Suite struct StrategyComparisonTests {
    @Test func evaluatesEveryStrategyAndKeepsFailuresWithTheirErrors() throws {
        var g = SeededGenerator(seed: 12)
        let calibration = (0..<41).map { _ in g.nextGaussian() }
        let testNormal = (0..<100).map { _ in g.nextGaussian() }
        let testAnomalous = (0..<50).map { _ in g.nextGaussian(mean: 3, standardDeviation: 1) }
        let c = try StrategyComparison(
            strategies: [ConformalThreshold(alpha: 0.01), ConformalThreshold(alpha: 0.1), MADThreshold()],
            calibration: calibration, testNormal: testNormal, testAnomalous: testAnomalous)
        #expect(c.entries.map(\.name) == ["conformal", "conformal", "mad", "oracle-best-f1", "oracle-best-balanced-accuracy"])
        #expect(c.calibrationCount == 41)
        // α = 0.01 needs 99 calibration scores: kept as an error, the rest still run.
        #expect(c.entries[0].fitted == nil)
        if case .tooFewScores(_, let needed, _, _) = c.entries[0].error { #expect(needed == 99) } else { Issue.record("expected tooFewScores") }
        let conformal = try #require(c.entries[1].counts)
        #expect(conformal.normalCount == 100 && conformal.anomalousCount == 50)
        #expect(c.entries[3].isOracle && c.entries[4].isOracle && !c.entries[2].isOracle)
        // The balanced-accuracy oracle is at least as good as any other threshold by BA.
        let oracleBA = try #require(c.entries[4].counts?.balancedAccuracy)
        for e in c.entries { if let ba = e.counts?.balancedAccuracy { #expect(ba <= oracleBA) } }
        #expect(c.auroc > 0.9)
    }

    @Test func oneClassTestSetIsAnError() {
        #expect(throws: ThresholdError.self) {
            try StrategyComparison(strategies: [MADThreshold()], calibration: [1, 2, 3], testNormal: [1, 2], testAnomalous: [])
        }
    }

    @Test func automaticEVTLevelLeavesRoomBelowOneMinusLevelAndNormalScoreStrategiesComeFromTheRegistry() {
        #expect(EVTThreshold.automaticLevel(alpha: 0.05) == 0.9)
        #expect(EVTThreshold.automaticLevel(alpha: 0.001) == 0.98)
        #expect(StrategyComparison.normalScoreStrategies().map(\.name)
                == ["conformal", "conformal-conditional", "evt", "gaussian", "mad", "iqr", "lognormal"])
    }
}
