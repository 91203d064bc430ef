import ArrayFormats
import Features
import Scoring
import Synthesis
import Thresholding

/// A fitted scorer with every score a threshold strategy may read: the step between
/// training and a detector, shared by `fit` (one strategy) and `compare` (all of them).
public struct CalibratedScorer: Sendable {
    /// The scorer for production: fitted on the training rows (split) or on every row.
    public var scorer: any AnomalyScorer
    public var mode: CalibrationMode
    /// Scores of good samples the producing scorer did not train on (out-of-fold for crossfit; empty for none).
    public var calibrationScores: [Double]
    /// The good samples behind `calibrationScores`, in the same order, and those the final scorer trained on.
    public var calibrationRows: [Int]
    public var trainingRows: [Int]
    /// The final scorer's scores of its own training samples (only under `.none`).
    public var trainingScores: [Double] = []
    /// Scores of the labelled anomalous samples.
    public var anomalousScores: [Double] = []
    /// Scores of synthetic anomalies made from the calibration images (empty unless asked for).
    public var syntheticScores: [Double] = []
    /// A few of those synthetic anomalies, for a report.
    public var syntheticSamples: [(name: String, anomaly: SyntheticAnomaly)] = []
    /// What the features are, and the extractor that made them.
    public var source: FeatureSource
    public var extractor: (any FeatureExtractor)?
    /// Things a user should know: in-sample scores, Deep SVDD collapse, skipped images, …
    public var warnings: [String] = []

    init(calibrated: Calibrated<any AnomalyScorer>, samples: TrainingSamples) {
        scorer = calibrated.scorer
        mode = calibrated.mode
        calibrationScores = calibrated.calibrationScores
        calibrationRows = calibrated.calibrationRows
        trainingRows = calibrated.trainingRows
        source = samples.source
        extractor = samples.extractor
    }

    /// A fitted threshold and the caveats of fitting it.
    public struct Fitted: Sendable {
        public var threshold: FittedThreshold
        public var warnings: [String]
    }

    /// The good scores a strategy is fitted on: the calibration scores, or under `.none` the
    /// training samples' own (optimistically low) scores.
    public var normalScores: [Double] { mode == .none ? trainingScores : calibrationScores }

    /// Fits `strategy` on the scores it reads: good scores, plus labelled anomalous or synthetic ones.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` for a good-score strategy
    ///   without calibration scores; ``PipelineError/threshold(_:strategy:)`` for the strategy's own error.
    public func fitThreshold(_ strategy: any Threshold) throws(PipelineError) -> Fitted {
        var warnings: [String] = []
        if strategy.reads == .normalScores && mode == .none {
            throw .invalidSetting(name: "threshold", value: strategy.name,
                                  expected: "calibration scores: use --calibration split or crossfit, or a manual or adaptive-f1 threshold with --calibration none")
        }
        let anomalous: [Double]
        switch strategy.reads {
        case .syntheticAnomalies: anomalous = syntheticScores
        case .normalAndAnomalousScores: anomalous = anomalousScores
        case .nothing, .normalScores: anomalous = []
        }
        if mode == .none && (strategy.reads == .normalAndAnomalousScores || strategy.reads == .syntheticAnomalies) {
            warnings.append("no calibration scores (--calibration none): \(strategy.name) used the training samples' own scores, which are optimistically low")
        }
        do throws(ThresholdError) {
            let fitted = try strategy.fit(normal: normalScores, anomalous: anomalous)
            return Fitted(threshold: fitted, warnings: warnings + fitted.warnings)
        } catch { throw .threshold(error, strategy: strategy.name) }
    }

    /// The detector with `threshold`: normalised over every score the strategies could see, so
    /// `fit` and `compare` map scores to [0, 1] alike.
    public func detector(threshold: FittedThreshold, provenance: JSONValue = [:]) -> Detector {
        let range = normalScores + anomalousScores + syntheticScores
        return Detector(
            features: source, extractor: extractor, scorer: scorer, threshold: threshold, calibration: mode,
            calibrationScores: calibrationScores,
            normalization: ScoreNormalization(threshold: threshold.value, fittedOn: range.isEmpty ? [threshold.value] : range),
            provenance: provenance)
    }
}
