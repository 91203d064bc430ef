import Foundation
import LinearAlgebra
import Pipeline
import Scoring
import Testing
import Thresholding

/// A scorer whose fit fails loudly, to show that size checks run before any fitting.
private struct MustNotFit: VectorScorer {
    mutating func fit(normal samples: Matrix<Float>) throws(ScoringError) { throw .invalidConfiguration("fit was called") }
    func score(_ samples: Matrix<Float>) throws(ScoringError) -> [Double] { [] }
}

struct DetectorTrainingTests {
    @Test func conformalThresholdComesFromTheHeldOutScores() throws {
        let d = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        // 20% of 100 good rows are held out.
        #expect(d.calibrationScores.count == 20)
        let expected = try ConformalThreshold(alpha: 0.1).fitWithExpectation(normal: d.calibrationScores)
        #expect(d.threshold == expected)
        // k = ⌈21·0.9⌉ = 19: the threshold sits just above the 19th smallest calibration score.
        #expect(d.threshold.value == d.calibrationScores.sorted()[18].nextUp)
    }

    @Test func predictedPValuesFollowTheConformalFormulaOnTheCalibrationScores() throws {
        let d = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        let queries = DetectorTestData.rows(40, seed: 5, shift: 0.5)
        let predictions = try d.predict(queries)
        #expect(predictions.count == 40)
        let n = Double(d.calibrationScores.count)
        for p in predictions {
            let atLeast = Double(d.calibrationScores.filter { $0 >= p.score }.count)
            #expect(p.pValue == (1 + atLeast) / (n + 1))
            #expect(p.isAnomalous == (p.score >= d.threshold.value))
            #expect(p.threshold == d.threshold.value)
            #expect(p.logLikelihood == -p.score)   // KDE: a density scorer
        }
        // Predict and scores agree, and the scores vary (not a constant stand-in).
        #expect(try d.scores(queries) == predictions.map(\.score))
        #expect(Set(predictions.map(\.score)).count == 40)
    }

    @Test func crossfitScoresEveryRowOutOfFold() throws {
        let d = try DetectorTestData.fit(calibration: .crossfit, threshold: MADThreshold(k: 3)).detector
        #expect(d.calibrationScores.count == 100)
        #expect(d.calibration == .crossfit)
        #expect(d.threshold.strategy == "mad")
        #expect(d.threshold == (try MADThreshold(k: 3).fitWithExpectation(normal: d.calibrationScores)))
    }

    @Test func noCalibrationAllowsOnlyManualAndAdaptiveF1() throws {
        #expect(throws: PipelineError.self) {
            try DetectorTestData.fit(calibration: .none, threshold: ConformalThreshold(alpha: 0.1))
        }
        let manual = try DetectorTestData.fit(calibration: .none, threshold: ManualThreshold(value: 3)).detector
        #expect(manual.threshold.value == 3)
        #expect(manual.calibrationScores.isEmpty)
        #expect(try manual.predict(Matrix(rows: 1, columns: 12))[0].pValue == nil)

        let anomalous = DetectorTestData.rows(30, seed: 7, shift: 5)
        let f1 = try DetectorTestData.fit(calibration: .none, threshold: AdaptiveF1Threshold(), anomalous: anomalous)
        #expect(f1.warnings.contains { $0.contains("training samples' own scores") })
        // Shifted anomalies are far from the good rows: the F1 threshold separates them perfectly.
        #expect(try f1.detector.predict(anomalous).allSatisfy { $0.isAnomalous })
    }

    @Test func sizesAreCheckedBeforeTheScorerIsFitted() throws {
        let training = DetectorTraining(scorer: MustNotFit(), seed: 1)
        // 50 rows give 10 calibration scores; conformal at α = 0.01 needs 99, so 495 rows.
        #expect(throws: PipelineError.tooFewSamples(step: "conformal on split calibration (10 held-out scores from 50 samples)", needed: 495, got: 50)) {
            try training.fit(TrainingSamples(vectors: DetectorTestData.rows(50, seed: 1)), threshold: ConformalThreshold(alpha: 0.01))
        }
        // Synthetic anomalies need images: a usage error that names the strategy, before fitting.
        #expect(throws: PipelineError.self) {
            try training.fit(TrainingSamples(vectors: DetectorTestData.rows(50, seed: 1)), threshold: SyntheticAnomalyThreshold())
        }
        do {
            _ = try training.fit(TrainingSamples(vectors: DetectorTestData.rows(50, seed: 1)), threshold: SyntheticAnomalyThreshold())
        } catch {
            #expect(error.isUsageError)
            #expect(error.description.contains("synthetic-ba"))
        }
    }

    @Test func aTransductiveStrategyIsRefusedBeforeFittingAndOnStoredScores() throws {
        // Its batch would otherwise be the synthetic scores: a silent wrong cut-off.
        let training = DetectorTraining(scorer: MustNotFit(), seed: 1)
        do {
            _ = try training.fit(TrainingSamples(vectors: DetectorTestData.rows(50, seed: 1)), threshold: BatchMixtureThreshold())
            Issue.record("batch-ba was accepted for a detector")
        } catch {
            #expect(error.isUsageError)
            #expect(error.description.contains("batch-ba is transductive"))
        }
        let stored = ThresholdScores(mode: .split, calibration: (0..<30).map(Double.init), synthetic: (0..<30).map { 100 + Double($0) })
        #expect(throws: PipelineError.self) { try stored.fit(BatchMixtureThreshold()) }
        #expect(try stored.fit(ConformalThreshold(alpha: 0.1)).threshold.strategy == "conformal")
    }

    @Test func badInputsAreNamed() throws {
        let training = DetectorTraining(scorer: DetectorTestData.kde)
        var anomalous = TrainingSamples(vectors: DetectorTestData.rows(50, seed: 1))
        anomalous.anomalous = FeatureBatch(vectors: DetectorTestData.rows(5, d: 11, seed: 2))
        #expect(throws: PipelineError.invalidInput(name: "anomalous samples", value: "11 features each",
                                                   expected: "12, the width of the training samples")) {
            try training.fit(anomalous, threshold: AdaptiveF1Threshold())
        }
        #expect(throws: PipelineError.tooFewSamples(step: "split calibration", needed: 5, got: 1)) {
            try training.fit(TrainingSamples(vectors: DetectorTestData.rows(1, seed: 1)), threshold: ManualThreshold(value: 1))
        }
        var nan = DetectorTestData.rows(50, seed: 1)
        nan[3, 2] = .nan
        do {
            _ = try training.fit(TrainingSamples(vectors: nan), threshold: ConformalThreshold(alpha: 0.1))
            Issue.record("a NaN feature was accepted")
        } catch {
            guard case .scoring(.nonFinite, _) = error else { Issue.record("\(error)"); return }
        }
    }

    /// `Detector.fit` is the four-line path: the same detector as the training path with the same seed.
    @Test func detectorFitMatchesTheTrainingPath() throws {
        let good = DetectorTestData.rows(100, seed: 1)
        let quick = try Detector.fit(good, scorer: DetectorTestData.kde, threshold: ConformalThreshold(alpha: 0.1), seed: 9)
        let full = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        #expect(quick.threshold == full.threshold)
        #expect(quick.calibrationScores == full.calibrationScores)
        #expect(try quick.scores(good) == full.scores(good))
    }

    @Test func predictionsRefuseAnFDRWithoutCalibrationScores() throws {
        let manual = try DetectorTestData.fit(calibration: .none, threshold: ManualThreshold(value: 3)).detector
        do {
            _ = try manual.predict(DetectorTestData.rows(3, seed: 2), fdr: 0.1)
            Issue.record("accepted")
        } catch {
            #expect(error.isUsageError)
            #expect(error.description.contains("--calibration none"))
        }
        let d = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        let queries = DetectorTestData.rows(30, seed: 2)
        let withBH = try d.predict(queries, fdr: 0.2)
        let selected = try BenjaminiHochberg.select(pValues: withBH.map { $0.pValue! }, q: 0.2).selected
        #expect(withBH.map(\.selectedAtFDR) == selected.map(Optional.some))
    }
}
