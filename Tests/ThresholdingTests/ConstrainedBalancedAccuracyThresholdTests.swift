import Randomness
import Testing
@testable import Thresholding

@Suite struct ConstrainedBalancedAccuracyThresholdTests {
    @Test func bestBalancedAccuracyWithinTheFalseAlarmBudget() throws {
        let normal: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        let anomalous: [Double] = [6.5, 8.5, 11, 12]
        // Unconstrained best BA is at 6.5 (FPR 0.4, TPR 1, BA 0.8).
        #expect(try BestBalancedAccuracyThreshold().fit(normal: normal, anomalous: anomalous).value == 6.5)
        // FPR ≤ 0.1 allows one false alarm: candidates ≥ 10; t = 10 gives TPR ½, FPR 0.1 → BA 0.7;
        // t = 11 gives TPR ½, FPR 0 → BA 0.75, the best; just above 10 labels the same and is lower,
        // and ties go to the lowest threshold.
        let t = try ConstrainedBalancedAccuracyThreshold(maxFPR: 0.1).fit(normal: normal, anomalous: anomalous)
        #expect(t.value == (10.0).nextUp)
        #expect(t.detail("balanced_accuracy") == 0.75)
        #expect(t.targetFPR == 0.1)
    }

    @Test func fallsBackToJustAboveTheNormalScoresWhenNothingElseFits() throws {
        let t = try ConstrainedBalancedAccuracyThreshold(maxFPR: 0.01).fit(normal: [1, 2, 3], anomalous: [2.5])
        #expect(t.value == (3.0).nextUp)
        #expect(t.detail("fpr") == 0)
    }

    @Test func holdsTheBudgetOnTheFittedScoresOverManyDraws() throws {
        var g = SeededGenerator(seed: 5)
        for _ in 0..<100 {
            let normal = (0..<60).map { _ in g.nextGaussian() }
            let anomalous = (0..<30).map { _ in g.nextGaussian(mean: 1.5, standardDeviation: 1) }
            let t = try ConstrainedBalancedAccuracyThreshold(maxFPR: 0.05).fit(normal: normal, anomalous: anomalous)
            let fp = normal.filter { $0 >= t.value }.count
            #expect(fp <= 3)
            let ba = try ConfusionCounts(threshold: t.value, normal: normal, anomalous: anomalous).balancedAccuracy
            // No feasible distinct-score threshold does better.
            for c in Set(normal + anomalous) where normal.filter({ $0 >= c }).count <= 3 {
                #expect(try ConfusionCounts(threshold: c, normal: normal, anomalous: anomalous).balancedAccuracy <= ba + 1e-12)
            }
        }
    }

    @Test func needsBothClasses() {
        #expect(throws: ThresholdError.self) { try ConstrainedBalancedAccuracyThreshold().fit(normal: [1, 2], anomalous: []) }
    }

    @Test func noThresholdAboveTheLargestDoubleIsOffered() throws {
        // "Just above every normal score" does not exist when one is the largest Double;
        // the best feasible score threshold is used instead, and never +∞.
        let t = try ConstrainedBalancedAccuracyThreshold(maxFPR: 0.5)
            .fit(normal: [1, 2, .greatestFiniteMagnitude], anomalous: [3])
        #expect(t.value == 3)
        #expect(throws: ThresholdError.self) {
            try ConstrainedBalancedAccuracyThreshold(maxFPR: 0.01).fit(normal: [1, 2, .greatestFiniteMagnitude], anomalous: [0])
        }
    }
}
