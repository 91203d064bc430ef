import ArrayFormats
import Features
import LinearAlgebra
import Randomness
import Scoring
import Synthesis
import Thresholding

/// Progress through named stages: (stage, done, total), possibly from worker threads.
public typealias PipelineProgress = @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void

/// The one way a detector is trained: `fit`, `compare` and the Swift API all come here, so
/// the same seed gives the same split, the same synthetic anomalies and the same scores.
///
/// ```swift
/// let training = DetectorTraining(scorer: KDEClassifier(), calibration: .split, seed: 42)
/// let detector = try training.fit(TrainingSamples(vectors: good), threshold: ConformalThreshold(alpha: 0.01)).detector
/// ```
public struct DetectorTraining: Sendable {
    /// The scorer to fit, unfitted.
    public var scorer: any AnomalyScorer
    /// Which good samples the threshold sees and what it can promise.
    public var calibration: CalibrationMode
    /// Seeds the split (as `numpy.random.RandomState(seed).permutation`, reproducible in Python) and the synthetic anomalies.
    public var seed: UInt64
    /// Makes synthetic anomalies (always applied) for strategies that read them.
    public var generator = PerlinAnomalyGenerator(blendRange: 0.5...1.0, probability: 1)

    public init(scorer: some AnomalyScorer, calibration: CalibrationMode = .split, seed: UInt64 = 42) {
        self.scorer = scorer
        self.calibration = calibration
        self.seed = seed
    }

    /// The calibration plan: a 20% hold-out or 5 folds over the NumPy-compatible permutation of `seed`.
    public var plan: Calibration { Calibration(mode: calibration, shuffle: .numpy(UInt32(truncatingIfNeeded: seed))) }

    /// Checks sizes before any expensive work: enough good samples for the plan, and enough
    /// calibration scores for `threshold` (conformal at α needs ⌈1/α − 1⌉ of them).
    /// - Throws: ``PipelineError/tooFewSamples(step:needed:got:)`` or, for a transductive strategy or
    ///   one that needs calibration under `.none`, ``PipelineError/invalidSetting(name:value:expected:)``.
    public func check(sampleCount n: Int, threshold: any Threshold, hasImages: Bool) throws(PipelineError) {
        try ThresholdScores.requireStorable(threshold)
        guard n >= plan.minimumRowCount else {
            throw .tooFewSamples(step: "\(calibration.rawValue) calibration", needed: plan.minimumRowCount, got: n)
        }
        if threshold.reads == .syntheticAnomalies, !hasImages {
            throw .invalidSetting(name: "threshold", value: threshold.name,
                                  expected: "image inputs (synthetic anomalies are made from the training images), or a strategy that reads scores only")
        }
        guard threshold.reads == .normalScores else { return }
        guard calibration != .none else {
            throw .invalidSetting(name: "threshold", value: threshold.name,
                                  expected: "calibration scores: use --calibration split or crossfit, or a manual or adaptive-f1 threshold with --calibration none")
        }
        let available = plan.calibrationCount(rowCount: n)
        if available < threshold.minimumNormalCount {
            let needed = (0...).first { plan.calibrationCount(rowCount: $0) >= threshold.minimumNormalCount } ?? n
            throw .tooFewSamples(step: "\(threshold.name) on \(calibration.rawValue) calibration (\(available) held-out scores from \(n) samples)",
                                 needed: needed, got: n)
        }
    }

    /// Fits the scorer under the calibration plan and scores what the threshold strategies read:
    /// the held-out good samples, the labelled anomalous ones, and, when `synthetic` is true,
    /// synthetic anomalies made from the calibration images.
    ///
    /// - Parameter progress: (stage, done, total) for each fit, Deep SVDD epoch, and synthetic image.
    /// - Throws: ``PipelineError`` naming the step: too few samples, a width mismatch, synthetic
    ///   anomalies without images, or the scorer's own error.
    /// - Complexity: one scorer fit (K + 1 for crossfit) plus scoring the calibration, anomalous
    ///   and synthetic samples.
    public func calibrate(_ samples: TrainingSamples, synthetic: Bool,
                          progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> CalibratedScorer {
        // A scorer that draws maps over image features also yields pixel scores for pixel thresholds.
        let mapScorer = scorer is any AnomalyMapScorer && samples.extractor is any SpatialFeatureExtractor
        let width = samples.features.dimension
        if let anomalous = samples.anomalous, anomalous.dimension != width {
            throw .invalidInput(name: "anomalous samples", value: "\(anomalous.dimension) features each",
                                expected: "\(width), the width of the training samples")
        }
        let prototype = scorer
        let name = prototype.name
        let features = samples.features
        var calibrationMaps: [AnomalyMap] = []
        let calibrated = try plan.run(
            rowCount: samples.count,
            fit: { (rows: [Int]) throws(PipelineError) -> any AnomalyScorer in
                progress("fit \(name)", 0, 1)
                var s = prototype
                do throws(ScoringError) {
                    try s.fit(normal: features.selecting(rows)) { stage, done, total in progress(stage, done, total) }
                } catch { throw .scoring(error, step: "fitting the \(name) scorer on \(rows.count) good samples") }
                progress("fit \(name)", 1, 1)
                return s
            },
            score: { (s: any AnomalyScorer, rows: [Int]) throws(PipelineError) -> [Double] in
                guard mapScorer, let maps = s as? any AnomalyMapScorer else {
                    return try Self.score(s, features.selecting(rows), step: "scoring the held-out good samples")
                }
                let scored = try Self.scoresAndMaps(maps, features.selecting(rows), step: "scoring the held-out good samples")
                calibrationMaps += scored.map(\.map)
                return scored.map(\.score)
            })
        var result = CalibratedScorer(calibrated: calibrated, samples: samples)
        result.warnings += calibrated.scorer.warnings
        if let anomalous = samples.anomalous, anomalous.count > 0 {
            result.scores.anomalous = try Self.score(calibrated.scorer, anomalous, step: "scoring the anomalous samples")
        }
        if calibration == .none {
            result.scores.training = try Self.score(calibrated.scorer, features, step: "scoring the training samples")
        }
        if synthetic {
            guard let paths = samples.imagePaths, let extractor = samples.extractor else {
                throw .invalidSetting(name: "threshold", value: "synthetic",
                                      expected: "image inputs (synthetic anomalies are made from the training images)")
            }
            let sourceRows = calibrated.calibrationRows.isEmpty ? calibrated.trainingRows : calibrated.calibrationRows
            if calibration != .split {
                result.warnings.append("synthetic anomalies were made from images the final scorer trained on (calibration \(calibration.rawValue)); their scores are optimistic")
            }
            let made = try SyntheticAnomalySet.make(from: sourceRows.map { paths[$0] }, extractor: extractor, generator: generator,
                                                    seed: seed, keepMasks: mapScorer, progress: { progress("synthetic anomalies", $0, $1) })
            result.syntheticSamples = made.samples
            result.warnings += made.table.skipped.map { "synthetic anomaly skipped \($0.path): \($0.reason)" }
            if made.table.batch.count > 0, mapScorer, let maps = calibrated.scorer as? any AnomalyMapScorer,
               let spatial = extractor as? any SpatialFeatureExtractor {
                let scored = try Self.scoresAndMaps(maps, made.table.batch, step: "scoring the synthetic anomalies")
                result.scores.synthetic = scored.map(\.score)
                var syntheticMaps: [(map: AnomalyMap, mask: [UInt8])] = []
                for (s, mask) in zip(scored, made.masks) {
                    syntheticMaps.append((s.map, try MapGeometry.maskOnMap(mask, extractor: spatial)))
                }
                result.pixels = PixelScores(goodMaps: calibrationMaps, syntheticMaps: syntheticMaps, seed: seed)
            } else if made.table.batch.count > 0 {
                result.scores.synthetic = try Self.score(calibrated.scorer, made.table.batch, step: "scoring the synthetic anomalies")
            }
        }
        if mapScorer && result.pixels == nil && !calibrationMaps.isEmpty {
            result.pixels = PixelScores(goodMaps: calibrationMaps, syntheticMaps: [], seed: seed)
        }
        return result
    }

    /// Calibrates, fits `threshold` on the scores it reads, and assembles the detector.
    /// - Throws: as ``calibrate(_:synthetic:progress:)``, plus the threshold's own error.
    /// - Parameter pixelThreshold: for a scorer that draws maps, the pixel strategy to fit on the
    ///   held-out maps (by default the per-image conformal rule at `pixelAlpha`).
    public func fit(_ samples: TrainingSamples, threshold: any Threshold, pixelThreshold: PixelStrategy = .imageConformal,
                    pixelAlpha: Double = 0.05, pixelValue: Double? = nil, provenance: JSONValue = [:],
                    progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> (detector: Detector, warnings: [String]) {
        try check(sampleCount: samples.count, threshold: threshold, hasImages: samples.imagePaths != nil)
        let needsSynthetic = threshold.reads == .syntheticAnomalies || pixelThreshold.input == .syntheticPixels
        let calibrated = try calibrate(samples, synthetic: needsSynthetic, progress: progress)
        let fitted = try calibrated.fitThreshold(threshold)
        var detector = calibrated.detector(threshold: fitted.threshold, provenance: provenance)
        if let pixels = calibrated.pixels {
            detector.pixelThreshold = try pixels.fit(pixelThreshold, alpha: pixelAlpha, value: pixelValue)
        }
        return (detector, calibrated.warnings + fitted.warnings)
    }

    static func score(_ scorer: any AnomalyScorer, _ batch: FeatureBatch, step: String) throws(PipelineError) -> [Double] {
        do throws(ScoringError) { return try scorer.score(batch) } catch { throw .scoring(error, step: step) }
    }

    /// Scores and maps in chunks, so a large set holds one chunk's intermediate results at a time.
    static func scoresAndMaps(_ scorer: any AnomalyMapScorer, _ batch: FeatureBatch, step: String,
                              chunk: Int = 32) throws(PipelineError) -> [(score: Double, map: AnomalyMap)] {
        var result: [(score: Double, map: AnomalyMap)] = []
        result.reserveCapacity(batch.count)
        for start in stride(from: 0, to: batch.count, by: chunk) {
            do throws(ScoringError) { result += try scorer.scoredMaps(batch.samples(start..<min(batch.count, start + chunk))) } catch {
                throw .scoring(error, step: step)
            }
        }
        return result
    }
}
