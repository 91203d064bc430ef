import Foundation
import Pipeline
import Testing
import Thresholding

struct DetectorTrainingTests {
    @Test func conformalThresholdComesFromTheHeldOutScores() throws {
        let report = try DetectorTestData.fit(threshold: .strategy(ConformalThreshold(alpha: 0.1)))
        let d = report.detector
        // 20% of 100 good rows are held out.
        #expect(d.calibrationScores.count == 20)
        let expected = try ConformalThreshold(alpha: 0.1).fit(normal: d.calibrationScores)
        #expect(d.threshold == expected)
        // k = ⌈21·0.9⌉ = 19: the threshold sits just above the 19th smallest calibration score.
        #expect(d.threshold.value == d.calibrationScores.sorted()[18].nextUp)
        // p-values follow (1 + #{sᵢ ≥ s}) / (n + 1).
        let top = d.calibrationScores.max()!
        let p = try d.predict(.init(rows: 0, columns: 12, elements: []))
        #expect(p.isEmpty)
        #expect(try ConformalPValues(calibration: d.calibrationScores).pValue(top + 1) == 1.0 / 21)
    }

    @Test func crossfitScoresEveryRow() throws {
        let d = try DetectorTestData.fit(calibration: .crossfit, threshold: .strategy(MADThreshold(k: 3))).detector
        #expect(d.calibrationScores.count == 100)
        #expect(d.calibration == .crossfit)
        #expect(d.threshold.strategy == "mad")
    }

    @Test func noCalibrationAllowsOnlyManualAndAdaptiveF1() throws {
        #expect(throws: PipelineError.self) {
            try DetectorTestData.fit(calibration: .none, threshold: .strategy(ConformalThreshold(alpha: 0.1)))
        }
        let manual = try DetectorTestData.fit(calibration: .none, threshold: .strategy(ManualThreshold(value: 3))).detector
        #expect(manual.threshold.value == 3)
        #expect(manual.calibrationScores.isEmpty)
        #expect(try manual.predict(.init(rows: 1, columns: 12, elements: [Float](repeating: 0, count: 12)))[0].pValue == nil)

        let anomalous = DetectorTestData.rows(30, seed: 7, shift: 5)
        let f1 = try DetectorTestData.fit(calibration: .none, threshold: .strategy(AdaptiveF1Threshold()), anomalous: anomalous)
        #expect(f1.warnings.contains { $0.contains("training samples' own scores") })
        // Shifted anomalies are far from the good rows: the F1 threshold separates them perfectly.
        let scores = try f1.detector.predict(.init(rows: 30, columns: 12, elements: anomalous.flatMap { $0 }))
        #expect(scores.allSatisfy { $0.isAnomalous })
    }

    @Test func badInputsAreNamed() throws {
        var training = DetectorTraining(scorer: ScorerSettings(kind: .kde), threshold: .synthetic(.bestBalancedAccuracy))
        let rows = DetectorTestData.rows(50, seed: 1)
        #expect(throws: PipelineError.self) {
            try training.fit(DetectorTraining.Samples(vectors: rows, features: .vectors(dimension: 12)))
        }
        training.threshold = .strategy(ConformalThreshold(alpha: 0.1))
        var ragged = rows
        ragged[7].removeLast()
        #expect(throws: PipelineError.invalidSetting(name: "training row 7", value: "11 values", expected: "12")) {
            try training.fit(DetectorTraining.Samples(vectors: ragged, features: .vectors(dimension: 12)))
        }
        #expect(throws: PipelineError.tooFewSamples(step: "fitting a detector", needed: 2, got: 1)) {
            try training.fit(DetectorTraining.Samples(vectors: [rows[0]], features: .vectors(dimension: 12)))
        }
        var nan = rows
        nan[3][2] = .nan
        #expect(throws: PipelineError.self) {
            try training.fit(DetectorTraining.Samples(vectors: nan, features: .vectors(dimension: 12)))
        }
    }
}
