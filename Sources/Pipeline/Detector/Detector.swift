import ArrayFormats
import Features
import LinearAlgebra
import Scoring
import Thresholding

/// A fitted detector: features in, labels out. It holds the feature extractor (when it was
/// fitted on images), the scorer, the threshold chosen for it, and the calibration scores
/// behind its p-values; it labels a sample anomalous when its score ≥ the threshold.
///
/// ```swift
/// let detector = try Detector.fit(good, scorer: KDEClassifier(), threshold: ConformalThreshold(alpha: 0.01))
/// let s = try detector.scores(x)              // raw anomaly scores
/// let p = try detector.predict(x)             // score, label, p-value, normalised score
/// try detector.write(to: "model.tkd")          // reloads with bit-identical scores
/// ```
public struct Detector: Sendable {
    /// What the scorer's input features are.
    public var features: FeatureSource
    /// The extractor that makes them from images; nil for `.npy` features, and for a detector
    /// read from a file until ``attachingExtractor(weightsPath:registry:)`` rebuilds it.
    public var extractor: (any FeatureExtractor)?
    /// The fitted scorer.
    public var scorer: any AnomalyScorer
    /// The fitted threshold, with its strategy and parameters.
    public var threshold: FittedThreshold
    /// The scores behind the threshold: held-out good ones, and synthetic or labelled anomalous
    /// ones where there were any, so the threshold can be moved without refitting the scorer.
    public var scores: ThresholdScores
    /// anomalib's [0, 1] normalisation around the threshold.
    public var normalization: ScoreNormalization
    /// How the detector was made (training input, seed, α, …): recorded and reported, never interpreted.
    public var provenance: JSONValue
    /// For a scorer that draws anomaly maps: the pixel threshold (a pixel with map value ≥ it is
    /// flagged) and the held-out good images' largest map values, from which it can be refitted.
    public var pixelThreshold: FittedThreshold?
    public var pixelMaxima: [Double] = []

    /// A detector; the normalisation spans every score in `scores` unless given.
    public init(features: FeatureSource, extractor: (any FeatureExtractor)? = nil, scorer: any AnomalyScorer,
                threshold: FittedThreshold, scores: ThresholdScores, normalization: ScoreNormalization? = nil,
                provenance: JSONValue = [:]) {
        self.features = features
        self.extractor = extractor
        self.scorer = scorer
        self.threshold = threshold
        self.scores = scores
        let range = scores.normalizationRange
        self.normalization = normalization
            ?? ScoreNormalization(threshold: threshold.value, fittedOn: range.isEmpty ? [threshold.value] : range)
        self.provenance = provenance
    }

    /// How the calibration scores were obtained.
    public var calibration: CalibrationMode { scores.mode }
    /// Scores of good samples the scorer did not train on (out-of-fold for crossfit); empty for `none`.
    public var calibrationScores: [Double] { scores.calibration }

    /// The same scorer with another threshold, fitted on the stored scores: moving the
    /// operating point without refitting. The normalisation follows the new threshold.
    /// - Throws: ``PipelineError`` when the stored scores do not suit `strategy` (see ``ThresholdScores/fit(_:)``).
    public func rethresholded(_ strategy: any Threshold) throws(PipelineError) -> (detector: Detector, warnings: [String]) {
        let fitted = try scores.fit(strategy)
        var copy = self
        copy.threshold = fitted.threshold
        copy.normalization = ScoreNormalization(threshold: fitted.threshold.value, minimum: normalization.minimum,
                                                maximum: normalization.maximum)
        return (copy, fitted.warnings)
    }

    /// The scorer's name for reports, e.g. `kde`.
    public var scorerName: String { scorer.name }

    /// Fits a detector on good feature vectors (rows): the scorer under the calibration plan,
    /// then the threshold on the held-out scores.
    /// - Throws: ``PipelineError`` naming the step that failed.
    /// - Complexity: one scorer fit (K + 1 for crossfit) plus scoring the held-out rows.
    public static func fit(_ good: Matrix<Float>, scorer: some AnomalyScorer, threshold: some Threshold,
                           calibration: CalibrationMode = .split, seed: UInt64 = 42) throws(PipelineError) -> Detector {
        try DetectorTraining(scorer: scorer, calibration: calibration, seed: seed)
            .fit(TrainingSamples(vectors: good), threshold: threshold).detector
    }

    /// Fits a detector on good image files through `extractor`; the detector keeps the extractor,
    /// so ``predict(images:fdr:cache:unreadable:progress:)`` works on it directly.
    /// - Throws: ``PipelineError`` naming the file or step that failed.
    public static func fit(images: [String], extractor: some FeatureExtractor, scorer: some AnomalyScorer,
                           threshold: some Threshold, calibration: CalibrationMode = .split, seed: UInt64 = 42,
                           cache: FeatureCache? = nil) throws(PipelineError) -> Detector {
        let table = try FeatureTable.extract(images, extractor: extractor, cache: cache, unreadable: .fail)
        return try DetectorTraining(scorer: scorer, calibration: calibration, seed: seed)
            .fit(TrainingSamples(images: table, extractor: extractor), threshold: threshold).detector
    }

    /// The raw anomaly score of every row; higher is more anomalous.
    /// - Throws: ``PipelineError/invalidInput(name:value:expected:)`` when the width is not the
    ///   detector's, or the scorer's error (non-finite values).
    /// - Complexity: one scoring pass.
    public func scores(_ x: Matrix<Float>) throws(PipelineError) -> [Double] { try scores(FeatureBatch(vectors: x)) }

    /// The raw anomaly score of every sample of `batch`.
    public func scores(_ batch: FeatureBatch) throws(PipelineError) -> [Double] {
        guard batch.dimension == features.dimension else {
            throw .invalidInput(name: "input width", value: "\(batch.dimension) features per sample",
                                expected: "\(features.dimension), as the detector was fitted on \(features.summary)")
        }
        return try DetectorTraining.score(scorer, batch, step: "scoring")
    }

    /// Scores and labels every row: score, label, p-value, normalised score, and with `fdr`
    /// the Benjamini–Hochberg selection over this batch.
    /// - Throws: as ``scores(_:)-(Matrix<Float>)``; an FDR without calibration scores.
    public func predict(_ x: Matrix<Float>, fdr: Double? = nil) throws(PipelineError) -> [Prediction] {
        try predict(FeatureBatch(vectors: x), fdr: fdr)
    }

    /// Scores and labels every sample of `batch`.
    public func predict(_ batch: FeatureBatch, fdr: Double? = nil) throws(PipelineError) -> [Prediction] {
        try predictions(for: try scores(batch), fdr: fdr)
    }

    /// Labels already computed scores of this detector's scorer.
    func predictions(for scores: [Double], fdr: Double?) throws(PipelineError) -> [Prediction] {
        if fdr != nil, calibrationScores.isEmpty {
            throw .invalidSetting(name: "fdr", value: fdr.map { "\($0)" } ?? "",
                                  expected: "a detector with calibration scores (this one was fitted with --calibration none)")
        }
        var result: [Prediction]
        do throws(ThresholdError) {
            result = try threshold.predict(scores, calibration: calibrationScores, normalization: normalization, fdr: fdr)
        } catch { throw .threshold(error, strategy: fdr == nil ? threshold.strategy : "benjamini-hochberg") }
        if scorer is any DensityScorer {
            for i in result.indices { result[i].logLikelihood = -result[i].score }
        }
        return result
    }
}
