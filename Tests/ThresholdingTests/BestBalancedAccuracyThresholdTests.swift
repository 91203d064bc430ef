import Randomness
import Testing

@testable import Thresholding

@Suite("Best balanced-accuracy threshold")
struct BestBalancedAccuracyThresholdTests {
    @Test("hand example with a tie between two thresholds")
    func handExample() throws {
        // t=1: (1 + 0)/2; t=2: (1 + ¼)/2; t=3: (1 + ½)/2 = 0.75; t=4: (½ + ¾)/2; t=5: (½ + 1)/2 = 0.75.
        let fitted = try BestBalancedAccuracyThreshold().fit(normal: [1, 2, 3, 4], anomalous: [3, 5])
        #expect(fitted.value == 3)
        #expect(fitted.detail("balanced_accuracy") == 0.75)
        #expect(fitted.details.map(\.name) == ["n_normal", "n_anomalous", "balanced_accuracy"])
        #expect(fitted.strategy == "best-balanced-accuracy")
        #expect(fitted.targetFPR == nil)
    }

    @Test("weighs the classes equally where F1 flags everything")
    func differsFromF1() throws {
        // Twice as many anomalies as normals, five of them mixed in with the normals.
        let normal = [1.0, 2, 3, 4, 5, 6]
        let anomalous = [0.5, 1.5, 2.5, 3.5, 4.5, 7, 8, 9, 10, 11, 12, 13]
        let ba = try BestBalancedAccuracyThreshold().fit(normal: normal, anomalous: anomalous)
        let f1 = try AdaptiveF1Threshold().fit(normal: normal, anomalous: anomalous)
        #expect(ba.value == 7)  // TPR 7/12, TNR 1 → 19/24
        #expect(ba.detail("balanced_accuracy") == 19.0 / 24)
        #expect(f1.value == 0.5)  // flags everything: F1 = 24/30
        #expect(f1.detail("f1") == 0.8)
    }

    @Test("one-class rules and errors match adaptive F1")
    func oneClass() throws {
        let fitter = BestBalancedAccuracyThreshold(name: "oracle-best-balanced-accuracy")
        let allNormal = try fitter.fit(normal: [4, 3, 2, 1], anomalous: [])
        #expect(allNormal.value == 4)
        #expect(allNormal.strategy == "oracle-best-balanced-accuracy")
        #expect(allNormal.detail("balanced_accuracy") == nil)
        #expect(!allNormal.warnings.isEmpty)
        #expect(try fitter.fit(normal: [], anomalous: [4, 3, 2, 1]).value == 1)
        #expect(throws: ThresholdError.self) { try fitter.fit(normal: [], anomalous: []) }
        #expect(throws: ThresholdError.nonFiniteScore(set: "normal", index: 2, value: .infinity)) {
            try fitter.fit(normal: [1, 2, .infinity], anomalous: [3])
        }
    }

    @Test("matches an exact brute-force search over every candidate on seeded tied sets")
    func matchesBruteForce() throws {
        for set in MetricsFixtures.tiedSets(count: 400, seed: 9, minCount: 1) {
            let fitted = try BestBalancedAccuracyThreshold().fit(normal: set.normal, anomalous: set.anomalous)
            let n = set.normal.count
            let p = set.anomalous.count
            let best = try #require(MetricsFixtures.bruteForceArgmax(set) { tp, fp in (tp * n + (n - fp) * p, 2 * n * p) })
            #expect(fitted.value == best.threshold)
            #expect(fitted.detail("balanced_accuracy") == Double(best.num) / Double(best.den))
        }
    }
}
