import LinearAlgebra
import Scoring

extension ScorerSettings {
    /// Fits this scorer to `vectors` under `plan`, with the calibration scores the plan gives.
    ///
    /// The one place where a scorer meets a calibration plan: `DetectorTraining` and
    /// `DatasetComparison` both come here.
    /// - Parameter progress: (stage, done, total) for each fit and each Deep SVDD epoch.
    /// - Throws: the plan's own ``PipelineError``, or the scorer's error as ``PipelineError/stage(_:)``.
    /// - Complexity: as `Calibration.run`: one fit for split and none, K + 1 for crossfit.
    func calibrated(on vectors: [[Float]], plan: Calibration,
                    progress: @escaping @Sendable (String, Int, Int) -> Void) throws(PipelineError) -> Calibrated<DetectorScorer> {
        let settings = self
        do throws(CalibrationFailure<ScoringError>) {
            return try plan.run(
                rowCount: vectors.count,
                fit: { (rows: [Int]) throws(ScoringError) in
                    progress("fit \(settings.kind.rawValue)", 0, 1)
                    return try settings.fit(Matrix(rows: rows, of: vectors)) { p in
                        progress("train \(settings.kind.rawValue) (\(p.phase))", p.epoch, p.epochCount)
                    }
                },
                score: { (s: DetectorScorer, rows: [Int]) throws(ScoringError) in try s.score(Matrix(rows: rows, of: vectors)) })
        } catch {
            switch error {
            case .setting(let e): throw e
            case .scorer(let e): throw .stage("fitting the \(settings.kind.rawValue) scorer: \(e)")
            }
        }
    }
}

extension Calibrated {
    /// The training rows whose images should seed synthetic anomalies: the calibration rows, which
    /// a split scorer never saw, or every row when there are none; with a warning whenever the
    /// final scorer has trained on those images (crossfit, none), so their scores run optimistic.
    func syntheticSourceRows() -> (rows: [Int], warning: String?) {
        let rows = calibrationRows.isEmpty ? trainingRows : calibrationRows
        guard mode != .split else { return (rows, nil) }
        return (rows, "synthetic anomalies were made from images the final scorer trained on (calibration \(mode.rawValue)); their scores are optimistic")
    }
}
