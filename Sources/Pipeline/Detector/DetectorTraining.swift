import ArrayFormats
import Features
import LinearAlgebra
import Scoring
import Synthesis
import Thresholding

/// Fits a ``Detector`` from good samples: calibration, scorer and threshold in one step.
///
/// ```swift
/// var training = DetectorTraining(scorer: ScorerSettings(kind: .kde), threshold: .strategy(ConformalThreshold(alpha: 0.05)))
/// let detector = try training.fit(DetectorTraining.Samples(vectors: rows, features: .vectors(dimension: 1280)))
/// try detector.write(to: "detector.tkd")
/// ```
public struct DetectorTraining: Sendable {
    /// How the threshold is chosen.
    public enum ThresholdChoice: Sendable {
        /// Any strategy fitted on the calibration scores (plus the scores of `Samples.anomalous`).
        case strategy(any Threshold)
        /// Good against synthetic anomalies made from the calibration images; needs image samples.
        case synthetic(SyntheticAnomalyThreshold.Rule)
    }

    /// The training data.
    public struct Samples: Sendable {
        /// Good samples, one feature vector each.
        public var vectors: [[Float]]
        /// What the vectors are.
        public var features: FeatureSource
        /// The image file behind each vector, with the extractor that made them; needed for synthetic anomalies.
        public var images: (paths: [String], extractor: any FeatureExtractor)?
        /// Labelled anomalous samples (optional): scored and passed to the threshold as anomalies.
        public var anomalous: [[Float]]

        public init(vectors: [[Float]], features: FeatureSource,
                    images: (paths: [String], extractor: any FeatureExtractor)? = nil, anomalous: [[Float]] = []) {
            self.vectors = vectors
            self.features = features
            self.images = images
            self.anomalous = anomalous
        }
    }

    public var scorer: ScorerSettings
    public var threshold: ThresholdChoice
    /// Calibration mode; its shuffle is seeded from `scorer.seed`.
    public var calibration: CalibrationMode = .split
    /// Makes the synthetic anomalies (probability 1).
    public var generator = PerlinAnomalyGenerator(blendRange: 0.5...1.0, probability: 1)
    /// Recorded in the detector file as is (training input, command line, …).
    public var provenance: JSONValue = [:]

    public init(scorer: ScorerSettings, threshold: ThresholdChoice, calibration: CalibrationMode = .split) {
        self.scorer = scorer
        self.threshold = threshold
        self.calibration = calibration
    }

    /// What a fit produced besides the detector.
    public struct Report: Sendable {
        public var detector: Detector
        /// Things a user should know: in-sample normal scores, Deep SVDD collapse, skipped images, …
        public var warnings: [String]
    }

    /// Fits the scorer with calibration, then the threshold.
    /// - Throws: ``PipelineError`` naming the step: too few samples, a width mismatch between good
    ///   and anomalous vectors, a strategy that needs calibration scores under `.none`, synthetic
    ///   anomalies without images, or the scorer's or threshold's own error.
    /// - Complexity: one scorer fit (K + 1 for crossfit) plus scoring the calibration, anomalous
    ///   and synthetic samples.
    /// - Parameter progress: (stage, done, total): Deep SVDD epochs, synthetic anomalies; may be called from worker threads.
    public func fit(_ samples: Samples,
                    progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }) throws(PipelineError) -> Report {
        let n = samples.vectors.count
        guard n >= 2 else { throw .tooFewSamples(step: "fitting a detector", needed: 2, got: n) }
        let width = samples.features.dimension
        if let bad = samples.vectors.firstIndex(where: { $0.count != width }) {
            throw .invalidSetting(name: "training row \(bad)", value: "\(samples.vectors[bad].count) values", expected: "\(width)")
        }
        if let bad = samples.anomalous.firstIndex(where: { $0.count != width }) {
            throw .invalidSetting(name: "anomalous row \(bad)", value: "\(samples.anomalous[bad].count) values",
                                  expected: "\(width), the width of the training rows")
        }
        if case .synthetic = threshold, samples.images == nil {
            throw .invalidSetting(name: "threshold", value: "synthetic", expected: "image inputs (synthetic anomalies are made from the training images), or a strategy that reads scores only")
        }
        var warnings: [String] = []
        let plan = Calibration(mode: calibration, shuffle: .seeded(scorer.seed))
        let calibrated = try scorer.calibrated(on: samples.vectors, plan: plan, progress: progress)
        warnings += calibrated.scorer.warnings
        var normal = calibrated.calibrationScores
        var anomalous: [Double] = []
        do throws(ScoringError) {
            if !samples.anomalous.isEmpty {
                anomalous = try calibrated.scorer.score(Matrix(rows: Array(samples.anomalous.indices), of: samples.anomalous))
            }
        } catch { throw .stage("scoring the anomalous samples: \(error)") }

        let strategy: any Threshold
        var syntheticScores: [Double] = []
        switch threshold {
        case .strategy(let s):
            strategy = s
        case .synthetic(let rule):
            let images = samples.images!
            let (rows, sourceWarning) = calibrated.syntheticSourceRows()
            warnings += sourceWarning.map { [$0] } ?? []
            let (table, _) = try SyntheticFeatures.extract(rows.map { images.paths[$0] }, extractor: images.extractor,
                                                           generator: generator, seed: scorer.seed,
                                                           progress: { progress("synthetic anomalies", $0, $1) })
            let scores: [Double]
            do throws(ScoringError) {
                scores = table.vectors.isEmpty ? [] : try calibrated.scorer.score(Matrix(rows: Array(table.vectors.indices), of: table.vectors))
            } catch { throw .stage("scoring the synthetic anomalies: \(error)") }
            // The strategy holds the synthetic scores itself; `anomalous` stays the real ones.
            strategy = SyntheticAnomalyThreshold(rule: rule, syntheticScores: scores)
            syntheticScores = scores
        }
        if normal.isEmpty {
            // Without calibration scores a rule that compares against anomalies can fall back on the
            // training scores; a rule built on the good scores' distribution alone cannot.
            if strategy.reads == .normalScores {
                throw .invalidSetting(name: "threshold", value: strategy.name,
                                      expected: "calibration scores: use --calibration split or crossfit, or a manual or adaptive-f1 threshold with --calibration none")
            }
            if strategy.reads == .normalAndAnomalousScores {
                do throws(ScoringError) {
                    normal = try calibrated.scorer.score(Matrix(rows: Array(0..<n), of: samples.vectors))
                } catch { throw .stage("scoring the training samples: \(error)") }
                warnings.append("no calibration scores (--calibration none): \(strategy.name) used the training samples' own scores, which are optimistically low")
            }
        }
        let fitted: FittedThreshold
        do throws(ThresholdError) { fitted = try strategy.fit(normal: normal, anomalous: anomalous) } catch {
            throw .stage("fitting the \(strategy.name) threshold: \(error)")
        }
        warnings += fitted.warnings
        let range = normal + anomalous + syntheticScores
        let detector = Detector(
            features: samples.features, scorer: calibrated.scorer, threshold: fitted, calibration: calibration,
            calibrationScores: calibrated.calibrationScores,
            normalization: ScoreNormalization(threshold: fitted.value, fittedOn: range.isEmpty ? [fitted.value] : range),
            provenance: provenance)
        return Report(detector: detector, warnings: warnings)
    }
}
