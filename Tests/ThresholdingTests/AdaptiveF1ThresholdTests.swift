import Randomness
import Testing

@testable import Thresholding

@Suite("Adaptive F1 threshold")
struct AdaptiveF1ThresholdTests {
    @Test("REFERENCE.md §4 check values")
    func referenceCases() throws {
        let f1 = AdaptiveF1Threshold()
        // labels [0,0,0,1,1], scores [2.3, 1.6, 2.6, 7.9, 3.3] → 3.3
        let mixed = try f1.fit(normal: [2.3, 1.6, 2.6], anomalous: [7.9, 3.3])
        #expect(mixed.value == 3.3)
        #expect(mixed.detail("f1") == 1)
        #expect(mixed.warnings.isEmpty)
        // All normal → the maximum; all anomalous → the minimum.
        let allNormal = try f1.fit(normal: [4, 3, 2, 1], anomalous: [])
        #expect(allNormal.value == 4)
        #expect(allNormal.detail("f1") == 0)
        #expect(!allNormal.warnings.isEmpty)
        let allAnomalous = try f1.fit(normal: [], anomalous: [4, 3, 2, 1])
        #expect(allAnomalous.value == 1)
        #expect(allAnomalous.detail("f1") == 1)
    }

    @Test("name, target and details")
    func metadata() throws {
        let fitted = try AdaptiveF1Threshold().fit(normal: [1, 2, 3], anomalous: [2.5, 4])
        #expect(fitted.strategy == "adaptive-f1")
        #expect(fitted.targetFPR == nil)
        #expect(AdaptiveF1Threshold().targetFPR == nil)
        #expect(fitted.details.map(\.name) == ["n_normal", "n_anomalous", "f1"])
        #expect(fitted.detail("n_normal") == 3)
        #expect(fitted.detail("n_anomalous") == 2)
        // t = 2.5: TP 2, FP 1, FN 0 → F1 = 4/5.
        #expect(fitted.value == 2.5)
        #expect(fitted.detail("f1") == 0.8)
        #expect(try AdaptiveF1Threshold(name: "oracle-best-f1").fit(normal: [1], anomalous: [2]).strategy == "oracle-best-f1")
    }

    @Test("equal F1 goes to the lowest threshold")
    func tieGoesLow() throws {
        // t = 1: 2·2/(4 + 2 + 0) = 2/3; t = 3: 2·1/(2 + 0 + 1) = 2/3.
        #expect(try AdaptiveF1Threshold().fit(normal: [2, 2], anomalous: [1, 3]).value == 1)
    }

    @Test("errors: no scores at all, non-finite scores")
    func errors() {
        #expect(
            throws: ThresholdError.tooFewScores(
                strategy: "adaptive-f1", needed: 1, got: 0,
                reason: "it needs at least one normal or anomalous score")
        ) { try AdaptiveF1Threshold().fit(normal: [], anomalous: []) }
        #expect(throws: ThresholdError.nonFiniteScore(set: "anomalous", index: 0, value: -.infinity)) {
            try AdaptiveF1Threshold().fit(normal: [1], anomalous: [-.infinity])
        }
    }

    @Test("matches an exact brute-force search over every candidate on seeded tied sets")
    func matchesBruteForce() throws {
        for set in MetricsFixtures.tiedSets(count: 400, seed: 7, minCount: 1) {
            let fitted = try AdaptiveF1Threshold().fit(normal: set.normal, anomalous: set.anomalous)
            let p = set.anomalous.count
            let best = try #require(MetricsFixtures.bruteForceArgmax(set) { tp, fp in (2 * tp, tp + fp + p) })
            #expect(fitted.value == best.threshold)
            #expect(fitted.detail("f1") == Double(best.num) / Double(best.den))
        }
    }

    @Test("one-class seeded sets follow the anomalib 2.7 rules")
    func oneClassSets() throws {
        for set in MetricsFixtures.tiedSets(count: 50, seed: 8, minCount: 1) {
            #expect(try AdaptiveF1Threshold().fit(normal: set.normal, anomalous: []).value == set.normal.max())
            #expect(try AdaptiveF1Threshold().fit(normal: [], anomalous: set.anomalous).value == set.anomalous.min())
        }
    }
}
