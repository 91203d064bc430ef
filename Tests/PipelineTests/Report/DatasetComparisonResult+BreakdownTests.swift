import Testing
@testable import Pipeline
import Thresholding

@Suite struct DatasetComparisonResultBreakdownTests {
    static func image(_ category: String, _ score: Double) -> DatasetComparisonResult.ScoredImage {
        .init(path: "/d/test/\(category)/\(score).png", category: category, isAnomalous: category != "good", score: score, pValue: nil)
    }

    /// Good images first, then the defect types by name, each counted at score ≥ threshold.
    @Test func categoriesAreCountedAtTheThreshold() throws {
        var r = try ReportTestData.full()
        r.test = [Self.image("good", 1), Self.image("good", 5), Self.image("scratch", 4), Self.image("crack", 6), Self.image("crack", 2),
                  Self.image("crack", 5)]
        let rows = r.categoryBreakdown(threshold: 5)
        #expect(rows.map(\.category) == ["good", "crack", "scratch"])
        #expect(rows.map(\.count) == [2, 3, 1])
        #expect(rows.map(\.flagged) == [1, 2, 0])
        #expect(rows.map(\.isAnomalous) == [false, true, true])
        #expect(abs(rows[1].rate.estimate - 2.0 / 3) < 1e-12)
        #expect(rows[2].rate.upper < 1 && rows[2].rate.lower == 0)
    }

    /// False alarms from the highest score down, misses from the lowest up, cut to the limit but counted in full.
    @Test func mistakesAreSortedWorstFirstAndCounted() throws {
        var r = try ReportTestData.full()
        r.test = [Self.image("good", 1), Self.image("good", 7), Self.image("good", 9), Self.image("good", 8),
                  Self.image("crack", 2), Self.image("crack", 0.5), Self.image("crack", 10)]
        let m = r.mistakes(threshold: 5, limit: 2)
        #expect(m.falseAlarms.map(\.score) == [9, 8] && m.falseAlarmCount == 3)
        #expect(m.misses.map(\.score) == [0.5, 2] && m.missCount == 2)
    }

    /// The estimated FPR is the share of calibration scores at or above the threshold.
    @Test func estimatedFPRIsTheShareOfCalibrationScoresFlagged() throws {
        var r = try ReportTestData.full()
        r.calibrationScores = (1...20).map(Double.init)
        let e = try #require(r.estimatedFPR(threshold: 18))
        #expect(e.successes == 3 && e.trials == 20 && abs(e.estimate - 0.15) < 1e-12)
        #expect(e.lower < 0.15 && e.upper > 0.15)
    }
}
