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

    /// The same hand-worked table as Thresholding's `OrderStatisticsTests` (the two modules cannot share code).
    static let numpyLinearCases: [(values: [Double], q: Double, expected: Double)] = [
        ([1, 2, 3, 4, 5], 0, 1), ([1, 2, 3, 4, 5], 0.25, 2), ([1, 2, 3, 4, 5], 0.5, 3),
        ([1, 2, 3, 4, 5], 0.75, 4), ([1, 2, 3, 4, 5], 0.9, 4.6),  // h = (n − 1)·q = 3.6: 4 + 0.6·1
        ([1, 2, 3, 4, 5], 1, 5),
        ([1, 2, 3, 10], 0.5, 2.5),  // h = 1.5: 2 + 0.5·1
        ([7], 0.3, 7),
        ([4, 1, 3, 2], 0.9, 3.7),  // sorted 1 2 3 4, h = 2.7: 3 + 0.7·1
        ([-3, -1, 0, 8], 0.1, -2.4),  // h = 0.3: −3 + 0.3·2
        ([2, 2, 2, 5], 0.8, 3.2),  // h = 2.4: 2 + 0.4·3
        ([0, 10], 0.33, 3.3),
    ]

    @Test func linearQuantileMatchesNumPyOnHandWorkedCases() {
        for (values, q, expected) in Self.numpyLinearCases {
            let got = linearQuantile(values, q)
            #expect(abs(got - expected) <= 1e-12 * max(1, abs(expected)), "\(values) at \(q): \(got)")
        }
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
