import Randomness
import Testing
@testable import Thresholding

@Suite struct PriorWeightedF1ThresholdTests {
    @Test func equalCountsAtPriorOneHalfIsPlainF1() throws {
        var g = SeededGenerator(seed: 21)
        for _ in 0..<50 {
            // Equal class sizes, rounded scores so ties are common.
            let normal = (0..<40).map { _ in (g.nextGaussian() * 4).rounded() }
            let anomalous = (0..<40).map { _ in (g.nextGaussian() * 4 + 5).rounded() }
            let weighted = try PriorWeightedF1Threshold(prior: 0.5).fit(normal: normal, anomalous: anomalous)
            let plain = try AdaptiveF1Threshold().fit(normal: normal, anomalous: anomalous)
            #expect(weighted.value == plain.value)
        }
    }

    @Test func aRarerPriorMovesTheThresholdUp() throws {
        let normal = (0..<100).map { Double($0) / 10 }          // 0 … 9.9
        let anomalous = (0..<100).map { 5 + Double($0) / 10 }   // 5 … 14.9
        let common = try PriorWeightedF1Threshold(prior: 0.5).fit(normal: normal, anomalous: anomalous).value
        let rare = try PriorWeightedF1Threshold(prior: 0.01).fit(normal: normal, anomalous: anomalous).value
        #expect(rare > common)
        // At π = 0.01 precision collapses unless FPR is 0: the best cut clears every normal score.
        #expect(rare == 10)
    }

    @Test func badPriorIsRejected() {
        #expect(throws: ThresholdError.self) { try PriorWeightedF1Threshold(prior: 1).fit(normal: [1], anomalous: [2]) }
    }
}
