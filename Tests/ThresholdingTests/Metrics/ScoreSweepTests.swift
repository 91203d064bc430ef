import Randomness
import Testing

@testable import Thresholding

@Suite("Score sweep")
struct ScoreSweepTests {
    @Test("one point per distinct score, ascending, with counts at or above it")
    func handExample() throws {
        let sweep = try ScoreSweep(normal: [3, 2, 1, 2], anomalous: [4, 2, 3])
        let points = sweep.points
        #expect(points.map(\.threshold) == [1, 2, 3, 4])
        #expect(points.map(\.counts.truePositives) == [3, 3, 2, 1])
        #expect(points.map(\.counts.falsePositives) == [4, 3, 1, 0])
        #expect(points.map(\.counts.trueNegatives) == [0, 1, 3, 4])
        #expect(points.map(\.counts.falseNegatives) == [0, 0, 1, 2])
        #expect(sweep.lowestScore == 1)
        #expect(sweep.highestScore == 4)
    }

    @Test("−0.0 and +0.0 are one score, across and within classes")
    func signedZeros() throws {
        let points = try ScoreSweep(normal: [0.0, -1, -0.0], anomalous: [-0.0, 0.0, 0.0]).points
        #expect(points.count == 2)
        #expect(points[1].threshold == 0)
        #expect(points[1].counts == ConfusionCounts(truePositives: 3, falsePositives: 2, trueNegatives: 1, falseNegatives: 0))
    }

    @Test("empty classes")
    func emptyClasses() throws {
        #expect(try ScoreSweep(normal: [], anomalous: []).points.isEmpty)
        #expect(try ScoreSweep(normal: [], anomalous: []).lowestScore == nil)
        let onlyNormal = try ScoreSweep(normal: [2, 1, 2], anomalous: []).points
        #expect(onlyNormal.map(\.counts.falsePositives) == [3, 2])
        #expect(onlyNormal.allSatisfy { $0.counts.truePositives == 0 && $0.counts.falseNegatives == 0 })
    }

    @Test("counts match direct counting on seeded tied sets")
    func matchesCounting() throws {
        for set in MetricsFixtures.tiedSets(count: 200, seed: 1, minCount: 0) {
            let points = try ScoreSweep(normal: set.normal, anomalous: set.anomalous).points
            let expected = MetricsFixtures.distinctDescending(set).reversed()
            #expect(points.map(\.threshold) == Array(expected))
            for point in points {
                let (tp, fp) = MetricsFixtures.counts(set, at: point.threshold)
                #expect(point.counts.truePositives == tp && point.counts.falsePositives == fp)
                #expect(point.counts.normalCount == set.normal.count)
                #expect(point.counts.anomalousCount == set.anomalous.count)
            }
        }
    }

    @Test("labels overload splits by label; errors name the joined index")
    func labelsOverload() throws {
        let sweep = try ScoreSweep(scores: [1, 5, 2, 6], labels: [false, true, false, true])
        #expect(sweep.sortedNormal == [1, 2])
        #expect(sweep.sortedAnomalous == [5, 6])
        #expect(throws: ThresholdError.nonFiniteScore(set: "scores", index: 2, value: .infinity)) {
            try ScoreSweep(scores: [1, 5, .infinity], labels: [false, true, true])
        }
        #expect(throws: ThresholdError.self) {
            try ScoreSweep(scores: [1, 5], labels: [false])
        }
        #expect(throws: ThresholdError.nonFiniteScore(set: "anomalous", index: 1, value: -.infinity)) {
            try ScoreSweep(normal: [1], anomalous: [2, -.infinity])
        }
    }
}
