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
    /// Every score the threshold strategies may read.
    public var scores: ThresholdScores
    /// The good samples behind the calibration scores, in the same order, and those the final scorer trained on.
    public var calibrationRows: [Int]
    public var trainingRows: [Int]
    /// Pixel scores from the held-out and synthetic anomaly maps, for a scorer that draws maps.
    public var pixels: PixelScores?
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
        scores = ThresholdScores(mode: calibrated.mode, calibration: calibrated.calibrationScores)
        calibrationRows = calibrated.calibrationRows
        trainingRows = calibrated.trainingRows
        source = samples.source
        extractor = samples.extractor
    }

    /// Held-out good scores (out-of-fold for crossfit; empty for none).
    public var calibrationScores: [Double] { scores.calibration }
    /// Scores of synthetic anomalies made from the calibration images (empty unless asked for).
    public var syntheticScores: [Double] { scores.synthetic }

    /// Fits `strategy` on the scores it reads (see ``ThresholdScores/fit(_:)``).
    public func fitThreshold(_ strategy: any Threshold) throws(PipelineError) -> ThresholdScores.Fitted { try scores.fit(strategy) }

    /// The detector with `threshold`: normalised over every score the strategies could see, so
    /// `fit` and `compare` map scores to [0, 1] alike.
    public func detector(threshold: FittedThreshold, provenance: JSONValue = [:]) -> Detector {
        var detector = Detector(features: source, extractor: extractor, scorer: scorer, threshold: threshold, scores: scores,
                                provenance: provenance)
        detector.pixelMaxima = pixels?.goodMaxima ?? []
        return detector
    }
}
