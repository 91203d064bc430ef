import Testing

@testable import Thresholding

@Suite("Precision-recall curve and average precision")
struct PrecisionRecallTests {
    @Test("scikit-learn's documented example")
    func sklearnExample() throws {
        // y_true = [0, 0, 1, 1], y_scores = [0.1, 0.4, 0.35, 0.8]: AP = 0.8333…
        let pr = try PrecisionRecallCurve(normal: [0.1, 0.4], anomalous: [0.35, 0.8])
        #expect(pr.thresholds == [0.1, 0.35, 0.4, 0.8])
        #expect(pr.precision == [0.5, 2.0 / 3, 0.5, 1])
        #expect(pr.recall == [1, 1, 0.5, 0.5])
        let ap = try averagePrecision(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true])
        #expect(abs(ap - 5.0 / 6) < 1e-15)
    }

    @Test("ties count as one threshold, with no interpolation")
    func ties() throws {
        // One threshold at 1 holding one anomaly and one normal: precision ½ at recall 1.
        #expect(try averagePrecision(normal: [1], anomalous: [1]) == 0.5)
        // 2 (anomalous) alone: R ½, P 1; then 1 (tie of one each): R 1, P 2/3.
        #expect(abs(try averagePrecision(normal: [1], anomalous: [1, 2]) - (0.5 + 0.5 * 2 / 3)) < 1e-15)
        #expect(try averagePrecision(normal: [1, 2], anomalous: [3, 4]) == 1)
    }

    @Test("AP matches its definition on seeded tied sets")
    func matchesDefinition() throws {
        for set in MetricsFixtures.tiedSets(count: 300, seed: 5) {
            let fast = try averagePrecision(normal: set.normal, anomalous: set.anomalous)
            #expect(abs(fast - MetricsFixtures.bruteForceAveragePrecision(set)) < 1e-12)
        }
    }

    @Test("curve points match direct counting")
    func curveMatchesCounting() throws {
        for set in MetricsFixtures.tiedSets(count: 100, seed: 6) {
            let pr = try PrecisionRecallCurve(normal: set.normal, anomalous: set.anomalous)
            #expect(pr.thresholds == Array(MetricsFixtures.distinctDescending(set).reversed()))
            for (k, t) in pr.thresholds.enumerated() {
                let (tp, fp) = MetricsFixtures.counts(set, at: t)
                #expect(pr.precision[k] == Double(tp) / Double(tp + fp))
                #expect(pr.recall[k] == Double(tp) / Double(set.anomalous.count))
            }
            #expect(pr.recall.first == 1)
        }
    }

    @Test("an empty class is a typed error")
    func emptyClass() {
        #expect(MetricsFixtures.unavailableStrategy { _ = try averagePrecision(normal: [1], anomalous: []) } == "average-precision")
        #expect(MetricsFixtures.unavailableStrategy { _ = try averagePrecision(normal: [], anomalous: [1]) } == "average-precision")
        #expect(MetricsFixtures.unavailableStrategy { _ = try PrecisionRecallCurve(normal: [], anomalous: []) } == "pr-curve")
    }
}
