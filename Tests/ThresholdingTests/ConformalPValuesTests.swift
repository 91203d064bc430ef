import Testing
import Randomness
@testable import Thresholding

@Suite struct ConformalPValuesTests {
    @Test func countsCalibrationScoresAtOrAbove() throws {
        let p = try ConformalPValues(calibration: [4, 1, 3, 2])
        #expect(p.pValue(2.5) == 3.0 / 5)
        #expect(p.pValue(2) == 4.0 / 5)   // ties count as "at or above"
        #expect(p.pValue(0) == 1)
        #expect(p.pValue(5) == 1.0 / 5)
    }

    @Test func superUniformForNormalScores() throws {
        // P(p ≤ u) ≤ u for exchangeable normal scores, checked over many seeded draws.
        var g = SeededGenerator(seed: 4)
        let n = 19, draws = 20_000
        var atMostOneTenth = 0, atMostHalf = 0
        for _ in 0..<draws {
            let p = try ConformalPValues(calibration: (0..<n).map { _ in g.nextGaussian() })
            let v = p.pValue(g.nextGaussian())
            if v <= 0.1 { atMostOneTenth += 1 }
            if v <= 0.5 { atMostHalf += 1 }
        }
        // With n = 19, P(p ≤ 0.1) = 2/20 and P(p ≤ 0.5) = 10/20 exactly.
        let se1 = (0.1 * 0.9 / Double(draws)).squareRoot(), se5 = (0.25 / Double(draws)).squareRoot()
        #expect(abs(Double(atMostOneTenth) / Double(draws) - 0.1) < 4 * se1)
        #expect(abs(Double(atMostHalf) / Double(draws) - 0.5) < 4 * se5)
    }

    @Test func rejectsNonFiniteCalibration() {
        #expect(throws: ThresholdError.nonFiniteScore(set: "calibration", index: 1, value: .infinity)) {
            try ConformalPValues(calibration: [1, .infinity])
        }
    }
}
