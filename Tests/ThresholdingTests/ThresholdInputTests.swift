import Testing
import Thresholding

/// Each strategy says which scores it reads, so pipelines can tell what their data allows.
struct ThresholdInputTests {
    @Test func everyStrategyStatesItsInputs() {
        let normalOnly: [any Threshold] = [ConformalThreshold(alpha: 0.05), ConditionalConformalThreshold(alpha: 0.05, delta: 0.1),
                                           EVTThreshold(alpha: 0.01, level: 0.98), GaussianThreshold(.alpha(0.05)),
                                           MADThreshold(k: 3), IQRThreshold(k: 1.5), LognormalThreshold(alpha: 0.05)]
        #expect(normalOnly.allSatisfy { $0.reads == .normalScores })
        let supervised: [any Threshold] = [AdaptiveF1Threshold(), PriorWeightedF1Threshold(prior: 0.5)] + StrategyComparison.oracles
        #expect(supervised.allSatisfy { $0.reads == .normalAndAnomalousScores })
        #expect(SyntheticAnomalyThreshold().reads == .syntheticAnomalies)
        #expect(ManualThreshold(value: 1).reads == .nothing)
    }
}
