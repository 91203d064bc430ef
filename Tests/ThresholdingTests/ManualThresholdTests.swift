import Testing
@testable import Thresholding

@Suite struct ManualThresholdTests {
    @Test func returnsTheValueAndLabelsWithGreaterOrEqual() throws {
        let t = try ManualThreshold(value: 2.5).fit(normal: [1, 2, 3])
        #expect(t.value == 2.5)
        #expect(t.labels(for: [2.4, 2.5, 2.6]) == [false, true, true])
        #expect(t.targetFPR == nil)
    }

    @Test func rejectsNonFiniteValueAndScores() {
        #expect(throws: ThresholdError.invalidParameter(name: "value", value: .infinity, expected: "a finite number")) {
            try ManualThreshold(value: .infinity).fit(normal: [1])
        }
        #expect(throws: ThresholdError.nonFiniteScore(set: "anomalous", index: 1, value: -.infinity)) {
            try ManualThreshold(value: 1).fit(normal: [1], anomalous: [2, -.infinity])
        }
    }
}
