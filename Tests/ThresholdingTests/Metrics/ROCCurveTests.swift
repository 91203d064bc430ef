import Randomness
import Testing

@testable import Thresholding

@Suite("ROC curve and AUROC")
struct ROCCurveTests {
    @Test("hand example: points, endpoints and area with a tie")
    func handExample() throws {
        let roc = try ROCCurve(normal: [1, 2], anomalous: [2, 3])
        #expect(roc.thresholds == [.infinity, 3, 2, 1])
        #expect(roc.falsePositiveRates == [0, 0, 0.5, 1])
        #expect(roc.truePositiveRates == [0, 0.5, 1, 1])
        // Pairs: 2>1, 2=2, 3>1, 3>2 → (3 + ½) / 4.
        #expect(try auroc(normal: [1, 2], anomalous: [2, 3]) == 0.875)
    }

    @Test("perfect, inverted and fully tied scores")
    func extremes() throws {
        #expect(try auroc(normal: [1, 2, 3], anomalous: [4, 5]) == 1)
        #expect(try auroc(normal: [4, 5], anomalous: [1, 2, 3]) == 0)
        #expect(try auroc(normal: [7, 7, 7], anomalous: [7, -0.0 + 7]) == 0.5)
        #expect(try auroc(normal: [-0.0], anomalous: [0.0]) == 0.5)
    }

    @Test("AUROC equals the brute-force pair count exactly on seeded tied sets")
    func matchesPairCount() throws {
        for set in MetricsFixtures.tiedSets(count: 300, seed: 2) {
            let fast = try auroc(normal: set.normal, anomalous: set.anomalous)
            #expect(fast == MetricsFixtures.bruteForceAUROC(set))
        }
    }

    @Test("AUROC is the trapezoid area of the curve; endpoints are (0,0) at +∞ and (1,1)")
    func curveProperties() throws {
        var g = SeededGenerator(seed: 3)
        for set in MetricsFixtures.tiedSets(count: 100, seed: 4) {
            let roc = try ROCCurve(normal: set.normal, anomalous: set.anomalous)
            #expect(roc.thresholds.first == .infinity)
            #expect(roc.falsePositiveRates.first == 0 && roc.truePositiveRates.first == 0)
            #expect(roc.falsePositiveRates.last == 1 && roc.truePositiveRates.last == 1)
            #expect(roc.thresholds.last == (set.normal + set.anomalous).min())
            #expect(zip(roc.thresholds, roc.thresholds.dropFirst()).allSatisfy { $0 > $1 })
            var area = 0.0
            for k in 1..<roc.thresholds.count {
                area += (roc.falsePositiveRates[k] - roc.falsePositiveRates[k - 1])
                    * (roc.truePositiveRates[k] + roc.truePositiveRates[k - 1]) / 2
            }
            #expect(abs(area - (try auroc(normal: set.normal, anomalous: set.anomalous))) < 1e-12)
        }
        // Continuous scores: no ties, so every score is a point.
        let normal = (0..<500).map { _ in g.nextGaussian() }
        let anomalous = (0..<300).map { _ in g.nextGaussian() + 1 }
        #expect(try ROCCurve(normal: normal, anomalous: anomalous).thresholds.count == 801)
        let set = MetricsFixtures.ScoreSet(normal: normal, anomalous: anomalous)
        #expect(try auroc(normal: normal, anomalous: anomalous) == MetricsFixtures.bruteForceAUROC(set))
    }

    @Test("labels overload agrees")
    func labelsOverload() throws {
        let scores = [0.1, 0.4, 0.35, 0.8]
        let labels = [false, false, true, true]
        #expect(try auroc(scores: scores, labels: labels) == 0.75)
        #expect(try ROCCurve(scores: scores, labels: labels) == ROCCurve(normal: [0.1, 0.4], anomalous: [0.35, 0.8]))
    }

    @Test("an empty class is a typed error, not a crash")
    func emptyClass() {
        #expect(MetricsFixtures.unavailableStrategy { _ = try auroc(normal: [], anomalous: [1]) } == "auroc")
        #expect(MetricsFixtures.unavailableStrategy { _ = try auroc(normal: [1], anomalous: []) } == "auroc")
        #expect(MetricsFixtures.unavailableStrategy { _ = try auroc(normal: [], anomalous: []) } == "auroc")
        #expect(MetricsFixtures.unavailableStrategy { _ = try ROCCurve(normal: [1], anomalous: []) } == "roc-curve")
        #expect(throws: ThresholdError.nonFiniteScore(set: "normal", index: 1, value: .infinity)) {
            try auroc(normal: [1, .infinity], anomalous: [2])
        }
    }
}
