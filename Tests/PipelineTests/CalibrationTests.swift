import Randomness
import Testing
@testable import Pipeline

/// A scorer that remembers its training rows, so tests can see exactly what it was fitted on.
private struct RowSetScorer { var rows: Set<Int> }
private struct Boom: Error, Equatable {}

@Suite struct CalibrationTests {
    /// Scores 1 for a row the scorer trained on (a leak), 0 otherwise.
    private static func leakScore(_ s: RowSetScorer, _ rows: [Int]) -> [Double] { rows.map { s.rows.contains($0) ? 1 : 0 } }

    @Test func splitHoldsOutOneFifthAndNeverTrainsOnIt() throws {
        let c = try Calibration(mode: .split, shuffle: .seeded(3)).run(
            rowCount: 10, fit: { (rows: [Int]) throws(Boom) in RowSetScorer(rows: Set(rows)) },
            score: { (s: RowSetScorer, rows: [Int]) throws(Boom) in Self.leakScore(s, rows) })
        #expect(c.calibrationRows.count == 2)
        #expect(c.trainingRows.count == 8)
        #expect(Set(c.calibrationRows + c.trainingRows) == Set(0..<10))
        #expect(c.calibrationScores == [0, 0])
        #expect(c.scorer.rows == Set(c.trainingRows))
    }

    @Test func numpyShuffleReproducesTheReferenceSplit() throws {
        // Reference runs: numpy.random.RandomState(42).permutation(209)[:209 // 5] calibrate.
        let c = try Calibration(mode: .split, shuffle: .numpy(42)).run(
            rowCount: 209, fit: { (rows: [Int]) throws(Boom) in RowSetScorer(rows: Set(rows)) },
            score: { (s: RowSetScorer, rows: [Int]) throws(Boom) in Self.leakScore(s, rows) })
        #expect(c.calibrationRows.count == 41)
        #expect(Array(c.calibrationRows.prefix(12)) == [30, 171, 84, 198, 60, 155, 45, 181, 9, 195, 136, 186])
    }

    @Test func crossfitScoresEveryRowOutOfFoldAndRefitsOnAll() throws {
        let c = try Calibration(mode: .crossfit, shuffle: .seeded(1)).run(
            rowCount: 23, fit: { (rows: [Int]) throws(Boom) in RowSetScorer(rows: Set(rows)) },
            score: { (s: RowSetScorer, rows: [Int]) throws(Boom) in Self.leakScore(s, rows) })
        #expect(c.calibrationRows.sorted() == Array(0..<23))
        #expect(c.calibrationScores.allSatisfy { $0 == 0 })   // no row scored by a model that saw it
        #expect(c.scorer.rows == Set(0..<23))
        #expect(c.mode.guarantee.contains("2α"))
    }

    @Test func noneFitsOnEverythingWithoutCalibration() throws {
        let c = try Calibration(mode: .none).run(
            rowCount: 4, fit: { (rows: [Int]) throws(Boom) in RowSetScorer(rows: Set(rows)) },
            score: { (s: RowSetScorer, rows: [Int]) throws(Boom) in Self.leakScore(s, rows) })
        #expect(c.calibrationScores.isEmpty)
        #expect(c.scorer.rows == Set(0..<4))
    }

    @Test func tooFewRowsAndScorerErrorsAreTyped() {
        let fit = { (rows: [Int]) throws(Boom) in RowSetScorer(rows: Set(rows)) }
        let score = { (s: RowSetScorer, rows: [Int]) throws(Boom) in Self.leakScore(s, rows) }
        #expect(throws: CalibrationFailure<Boom>.self) { try Calibration(mode: .split).run(rowCount: 4, fit: fit, score: score) }
        #expect(throws: CalibrationFailure<Boom>.self) { try Calibration(mode: .crossfit).run(rowCount: 9, fit: fit, score: score) }
        do {
            _ = try Calibration(mode: .split).run(rowCount: 10, fit: { (_: [Int]) throws(Boom) -> RowSetScorer in throw Boom() }, score: score)
            Issue.record("expected an error")
        } catch {
            guard case .scorer(let e) = error else { Issue.record("wrong error"); return }
            #expect(e == Boom())
        }
    }
}
