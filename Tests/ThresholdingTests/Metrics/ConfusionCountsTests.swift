import Testing

@testable import Thresholding

@Suite("Confusion counts")
struct ConfusionCountsTests {
    @Test("hand-computed counts and rates, score ≥ threshold is anomalous")
    func handExample() throws {
        let c = try ConfusionCounts(threshold: 0.35, normal: [0.1, 0.4, 0.35, 0.8], anomalous: [0.9, 0.35, 0.7, 0.2])
        #expect(c == ConfusionCounts(truePositives: 3, falsePositives: 3, trueNegatives: 1, falseNegatives: 1))
        #expect(c.precision == 0.5)
        #expect(c.recall == 0.75)
        #expect(c.truePositiveRate == 0.75)
        #expect(c.falseNegativeRate == 0.25)
        #expect(c.falsePositiveRate == 0.75)
        #expect(c.trueNegativeRate == 0.25)
        #expect(c.f1 == 6.0 / 10.0)  // 2TP / (2TP + FP + FN)
        #expect(c.balancedAccuracy == 0.5)
    }

    @Test("F1 equals 2PR/(P+R) where defined")
    func f1Formula() {
        let c = ConfusionCounts(truePositives: 7, falsePositives: 3, trueNegatives: 11, falseNegatives: 5)
        let p = 0.7, r = 7.0 / 12
        #expect(abs(c.f1 - 2 * p * r / (p + r)) < 1e-15)
        #expect(abs(c.balancedAccuracy - (7.0 / 12 + 11.0 / 14) / 2) < 1e-15)
    }

    @Test("undefined rates are NaN, except F1 which is 0")
    func undefinedRates() throws {
        let noAnomalies = try ConfusionCounts(threshold: 3, normal: [1, 2], anomalous: [])
        #expect(noAnomalies.precision.isNaN)
        #expect(noAnomalies.recall.isNaN)
        #expect(noAnomalies.balancedAccuracy.isNaN)
        #expect(noAnomalies.f1 == 0)
        #expect(noAnomalies.falsePositiveRate == 0)
        #expect(noAnomalies.trueNegativeRate == 1)

        let noNormals = try ConfusionCounts(threshold: -.infinity, normal: [], anomalous: [1])
        #expect(noNormals.falsePositiveRate.isNaN)
        #expect(noNormals.trueNegativeRate.isNaN)
        #expect(noNormals.balancedAccuracy.isNaN)
        #expect(noNormals.f1 == 1)
        #expect(noNormals.precision == 1)
    }

    @Test("labels overload agrees; bad input throws")
    func labelsAndErrors() throws {
        let byLabel = try ConfusionCounts(threshold: 2, scores: [1, 2, 3, 0], labels: [true, false, true, false])
        #expect(byLabel == ConfusionCounts(truePositives: 1, falsePositives: 1, trueNegatives: 1, falseNegatives: 1))
        #expect(throws: ThresholdError.self) { try ConfusionCounts(threshold: .nan, normal: [1], anomalous: [2]) }
        #expect(throws: ThresholdError.nonFiniteScore(set: "normal", index: 0, value: .infinity)) {
            try ConfusionCounts(threshold: 1, normal: [.infinity], anomalous: [2])
        }
        #expect(throws: ThresholdError.self) { try ConfusionCounts(threshold: 1, scores: [1, 2], labels: [true]) }
    }
}
