import Testing
import Randomness
@testable import Scoring

@Suite struct DeepSVDDCenterTests {
    @Test func epsilonRulePushesSmallCoordinatesOutWithTheirSign() throws {
        let c = try DeepSVDDCenter.fromMean([0.5, -0.05, 0.05, 0, -0.1, 0.1, -3, 0.0999], epsilon: 0.1)
        #expect(c == [0.5, -0.1, 0.1, 0.1, -0.1, 0.1, -3, 0.1])
    }

    @Test func allZeroMeanIsRejected() {
        #expect(throws: DeepSVDDError.degenerateCenter) { try DeepSVDDCenter.fromMean([0, 0, 0], epsilon: 0.1) }
    }

    @Test func linearQuantileMatchesNumPy() {
        // numpy.quantile([1, 2, 3, 4], 0.9) = 3.7; [5] → 5 at any q.
        #expect(abs(linearQuantile([4, 1, 3, 2], 0.9) - 3.7) < 1e-12)
        #expect(linearQuantile([5], 0.3) == 5)
        #expect(linearQuantile([1, 2, 3], 1) == 3)
    }

    @Test func miniBatchesCoverEverySampleAndNeverLeaveOneAlone() {
        var g = SeededGenerator(seed: 3)
        let batches = MiniBatches.epoch(count: 209, size: 16, generator: &g)
        #expect(batches.count == 13)
        #expect(batches.last!.count == 17)
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<209))
        var g2 = SeededGenerator(seed: 3)
        #expect(MiniBatches.epoch(count: 209, size: 16, generator: &g2) == batches)
        // Images keep PyTorch's lone last batch: 13 of 16 and one of 1, in the same order.
        var g3 = SeededGenerator(seed: 3)
        let unmerged = MiniBatches.epoch(count: 209, size: 16, mergingSingleton: false, generator: &g3)
        #expect(unmerged.map(\.count) == Array(repeating: 16, count: 13) + [1])
        #expect(unmerged.flatMap { $0 } == batches.flatMap { $0 })
    }
}
