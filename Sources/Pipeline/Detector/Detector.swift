import ArrayFormats
import LinearAlgebra
import Scoring
import Thresholding

/// A fitted detector: a scorer, the threshold chosen for it, and the calibration scores behind
/// its p-values. It labels new samples with score ≥ threshold.
///
/// Build one with ``DetectorTraining``, store it with ``write(to:)`` and load it with
/// ``read(path:)``; a loaded detector gives bit-identical scores.
public struct Detector: Sendable {
    /// What the scorer's input vectors are.
    public var features: FeatureSource
    /// The fitted scorer.
    public var scorer: DetectorScorer
    /// The fitted threshold, with its strategy and parameters.
    public var threshold: FittedThreshold
    /// How the calibration scores were obtained.
    public var calibration: CalibrationMode
    /// Scores of good samples the scorer did not train on (out-of-fold for crossfit); empty for `none`.
    public var calibrationScores: [Double]
    /// anomalib's [0, 1] normalisation around the threshold.
    public var normalization: ScoreNormalization
    /// How the detector was made (training input, seed, α, …): recorded and reported, never interpreted.
    public var provenance: JSONValue

    public init(features: FeatureSource, scorer: DetectorScorer, threshold: FittedThreshold,
                calibration: CalibrationMode, calibrationScores: [Double], normalization: ScoreNormalization,
                provenance: JSONValue = [:]) {
        self.features = features
        self.scorer = scorer
        self.threshold = threshold
        self.calibration = calibration
        self.calibrationScores = calibrationScores
        self.normalization = normalization
        self.provenance = provenance
    }

    /// One sample's verdict.
    public struct Prediction: Sendable, Hashable {
        /// The raw anomaly score; higher is more anomalous.
        public var score: Double
        /// score ≥ threshold.
        public var isAnomalous: Bool
        /// The conformal p-value against the calibration scores; nil without calibration scores.
        public var pValue: Double?
        /// anomalib's normalised score in [0, 1]; 0.5 at the threshold.
        public var normalized: Double
        /// The KDE log-density (= −score); nil for other scorers.
        public var logLikelihood: Double?
    }

    /// Scores and labels the rows of `vectors`.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` when the width is not the
    ///   detector's, or the scorer's error (non-finite values) as ``PipelineError/stage(_:)``.
    /// - Complexity: one scoring pass.
    public func predict(_ vectors: Matrix<Float>) throws(PipelineError) -> [Prediction] {
        guard vectors.columns == features.dimension else {
            throw .invalidSetting(name: "input width", value: "\(vectors.columns)",
                                  expected: "\(features.dimension) columns, as the detector was fitted on \(features.summary)")
        }
        let scores: [Double]
        do throws(ScoringError) { scores = try scorer.score(vectors) } catch { throw .stage(error.description) }
        let pValues = calibrationScores.isEmpty ? nil : try? ConformalPValues(calibration: calibrationScores)
        let isKDE = scorer.kind == .kde
        return scores.map { s in
            Prediction(score: s, isAnomalous: threshold.isAnomalous(s), pValue: pValues?.pValue(s),
                       normalized: normalization.normalized(s), logLikelihood: isKDE ? -s : nil)
        }
    }
}
