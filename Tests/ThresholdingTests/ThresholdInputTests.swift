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

    @Test func everyRegisteredStrategyReadsWhatItsDescriptorDeclares() throws {
        // The registry is how pipelines find strategies, so each one registered is checked, not a hand-made list.
        #expect(StrategyRegistry.standard.descriptors.count >= 12)
        for descriptor in StrategyRegistry.standard.descriptors {
            var values = descriptor.emptyValues
            if descriptor.key == "manual" { values.set("value", .number(1)) }
            let strategy = try descriptor.make(values)
            #expect(strategy.reads == descriptor.reads, "\(descriptor.key)")
            #expect(strategy.name == descriptor.key, "\(descriptor.key)")
        }
    }
}
