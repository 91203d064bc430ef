import Randomness
import Testing
@testable import Pipeline

/// A scorer that remembers its training rows, so tests can see exactly what it was fitted on.
private struct RowSetScorer { var rows: Set<Int> }

@Suite struct CalibrationTests {
    /// Scores 1 for a row the scorer trained on (a leak), 0 otherwise.
    private static func leakScore(_ s: RowSetScorer, _ rows: [Int]) -> [Double] { rows.map { s.rows.contains($0) ? 1 : 0 } }
    private static func fit(_ rows: [Int]) throws(PipelineError) -> RowSetScorer { RowSetScorer(rows: Set(rows)) }
    private static func score(_ s: RowSetScorer, _ rows: [Int]) throws(PipelineError) -> [Double] { leakScore(s, rows) }

    @Test func splitHoldsOutOneFifthAndNeverTrainsOnIt() throws {
        let c = try Calibration(mode: .split, shuffle: .seeded(3)).run(rowCount: 10, fit: Self.fit, score: Self.score)
        #expect(c.calibrationRows.count == 2)
        #expect(c.trainingRows.count == 8)
        #expect(Set(c.calibrationRows + c.trainingRows) == Set(0..<10))
        #expect(c.calibrationScores == [0, 0])
        #expect(c.scorer.rows == Set(c.trainingRows))
    }

    @Test func numpyShuffleReproducesTheReferenceSplit() throws {
        // Reference runs: numpy.random.RandomState(42).permutation(209)[:209 // 5] calibrate.
        let c = try Calibration(mode: .split, shuffle: .numpy(42)).run(rowCount: 209, fit: Self.fit, score: Self.score)
        #expect(c.calibrationRows.count == 41)
        #expect(Array(c.calibrationRows.prefix(12)) == [30, 171, 84, 198, 60, 155, 45, 181, 9, 195, 136, 186])
    }

    @Test func crossfitScoresEveryRowOutOfFoldAndRefitsOnAll() throws {
        let c = try Calibration(mode: .crossfit, shuffle: .seeded(1)).run(rowCount: 23, fit: Self.fit, score: Self.score)
        #expect(c.calibrationRows.sorted() == Array(0..<23))
        #expect(c.calibrationScores.allSatisfy { $0 == 0 })   // no row scored by a model that saw it
        #expect(c.scorer.rows == Set(0..<23))
        #expect(c.mode.guarantee.contains("2α"))
    }

    @Test func noneFitsOnEverythingWithoutCalibration() throws {
        let c = try Calibration(mode: .none).run(rowCount: 4, fit: Self.fit, score: Self.score)
        #expect(c.calibrationScores.isEmpty)
        #expect(c.scorer.rows == Set(0..<4))
    }

    @Test func sizesArePredictedBeforeAnyFit() {
        #expect(Calibration(mode: .split).minimumRowCount == 5)
        #expect(Calibration(mode: .split).calibrationCount(rowCount: 209) == 41)
        #expect(Calibration(mode: .crossfit).minimumRowCount == 10)
        #expect(Calibration(mode: .crossfit).calibrationCount(rowCount: 37) == 37)
        #expect(Calibration(mode: .none).calibrationCount(rowCount: 37) == 0)
    }

    @Test func tooFewRowsAndScorerErrorsAreTyped() {
        #expect(throws: PipelineError.tooFewSamples(step: "split calibration", needed: 5, got: 4)) {
            try Calibration(mode: .split).run(rowCount: 4, fit: Self.fit, score: Self.score)
        }
        #expect(throws: PipelineError.tooFewSamples(step: "5-fold cross-fitting", needed: 10, got: 9)) {
            try Calibration(mode: .crossfit).run(rowCount: 9, fit: Self.fit, score: Self.score)
        }
        let failure = PipelineError.scoring(.notFitted, step: "test")
        #expect(throws: failure) {
            try Calibration(mode: .split).run(rowCount: 10, fit: { (_: [Int]) throws(PipelineError) -> RowSetScorer in throw failure },
                                              score: Self.score)
        }
    }
}
