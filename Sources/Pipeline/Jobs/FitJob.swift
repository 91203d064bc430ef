import ArrayFormats
import Features
import LinearAlgebra
import Synthesis
import Thresholding

/// `thresholdkit fit` as a value: good samples (a `.npy` matrix or images) in, a detector file out.
public struct FitJob: Sendable {
    /// Good samples: `.npy` matrices, image files or folders of images.
    public var trainInputs: [String]
    /// Labelled anomalous samples of the same kind, if any.
    public var anomalousInputs: [String] = []
    /// Where the detector goes; an existing detector file is replaced, any other file only with `force`.
    public var modelPath: String
    public var force = false
    public var scorer: ScorerDescriptor
    public var scorerValues: ParameterValues
    /// The feature preset for image inputs; nil for the scorer's default.
    public var features: String?
    public var weightsPath: String?
    public var threshold: any Threshold
    public var calibration: CalibrationMode = .split
    public var seed: UInt64 = 42
    /// The blend range of synthetic anomalies.
    public var blend: ClosedRange<Double> = 0.5...1.0
    public var cache: FeatureCache?
    public var unreadable: UnreadablePolicy = .fail
    /// For a scorer that draws maps: the pixel threshold, its α (nil: the image threshold's α, else 0.05) and value (pixel-manual).
    public var pixelStrategy: PixelStrategy = .imageConformal
    public var pixelAlpha: Double?
    public var pixelValue: Double?
    /// Recorded in the detector file as is (the command line, …).
    public var provenance: [(key: String, value: JSONValue)] = []

    public init(trainInputs: [String], modelPath: String, scorer: ScorerDescriptor, scorerValues: ParameterValues,
                threshold: any Threshold) {
        self.trainInputs = trainInputs
        self.modelPath = modelPath
        self.scorer = scorer
        self.scorerValues = scorerValues
        self.threshold = threshold
    }

    /// What a fit produced.
    public struct Outcome: Sendable {
        public var detector: Detector
        public var warnings: [String]
        /// Good samples read, and those the final scorer trained on (the rest calibrate under split).
        public var sampleCount: Int
        public var trainingCount: Int
    }

    /// Checks the output path and sizes first, then extracts, fits and writes.
    /// - Throws: ``PipelineError`` naming the file, option or step that failed.
    public func run(progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> Outcome {
        try OutputGuard.check(modelPath, option: "--model", inputs: trainInputs + anomalousInputs, force: force,
                              mayReplace: OutputGuard.isDetectorFile)
        let inputs = try InputSet.resolve(trainInputs)
        var samples: TrainingSamples
        var warnings: [String] = []
        switch inputs {
        case let .vectors(matrix, _):
            if features != nil || weightsPath != nil {
                throw .invalidSetting(name: "features", value: trainInputs[0],
                                      expected: "image inputs: --features and --weights apply to images, and this already holds feature vectors")
            }
            samples = TrainingSamples(vectors: matrix)
        case let .images(paths):
            let (values, trials) = try ConfigurationSelection.choose(
                scorer, values: scorerValues, images: paths, preset: features, weightsPath: weightsPath, calibration: calibration,
                seed: seed, cache: cache, unreadable: unreadable, progress: progress)
            var job = self
            job.scorerValues = values
            if let summary = ConfigurationSelection.summary(trials, key: "size") { job.provenance.append(("configuration", .string(summary))) }
            if !trials.isEmpty {
                var outcome = try job.run(progress: progress)
                outcome.warnings = FeatureTable.distinct(trials.flatMap(\.warnings) + outcome.warnings)
                return outcome
            }
            let extractor = try scorer.extractor(preset: features, values: scorerValues, weightsPath: weightsPath)
            _ = try scorer.make(scorerValues, seed: seed, dimension: extractor.dimension)  // refuse bad settings before extracting
            try training(dimension: extractor.dimension).check(sampleCount: paths.count, threshold: threshold, hasImages: true)
            let table = try FeatureTable.extract(paths, extractor: extractor, cache: cache, unreadable: unreadable,
                                                 progress: { progress("features", $0, $1) })
            guard table.batch.count > 0 else {
                throw .invalidInput(name: "train", value: trainInputs[0], expected: "readable images (none of the \(paths.count) could be decoded)")
            }
            samples = TrainingSamples(images: table, extractor: extractor)
            warnings += table.notes
        }
        if !anomalousInputs.isEmpty {
            let anomalous = try anomalousFeatures(like: samples, progress: progress)
            samples.anomalous = anomalous.batch
            warnings += anomalous.warnings
        }
        let job = try training(dimension: samples.features.dimension)
        let provenance = JSONValue.object([
            ("made_by", "thresholdkit fit"), ("train", .array(trainInputs.map(JSONValue.string))),
            ("train_rows", .number(Double(samples.count))), ("seed", .string(String(seed))),
        ] + self.provenance)
        let fitted = try job.fit(samples, threshold: threshold, pixelThreshold: pixelStrategy,
                                 pixelAlpha: pixelAlpha ?? threshold.targetFPR ?? 0.05, pixelValue: pixelValue,
                                 provenance: provenance, progress: progress)
        warnings += fitted.warnings
        try fitted.detector.write(to: modelPath)
        let trainingCount = calibration == .split ? samples.count - job.plan.calibrationCount(rowCount: samples.count) : samples.count
        return Outcome(detector: fitted.detector, warnings: warnings, sampleCount: samples.count, trainingCount: trainingCount)
    }

    func training(dimension: Int) throws(PipelineError) -> DetectorTraining {
        var t = DetectorTraining(scorer: try scorer.make(scorerValues, seed: seed, dimension: dimension), calibration: calibration, seed: seed)
        t.generator.blendRange = blend
        return t
    }

    /// The anomalous inputs' features (a matrix as is, images through the training samples' extractor) and their warnings.
    func anomalousFeatures(like samples: TrainingSamples,
                           progress: @escaping PipelineProgress) throws(PipelineError) -> (batch: FeatureBatch, warnings: [String]) {
        switch (try InputSet.resolve(anomalousInputs), samples.extractor) {
        case let (.vectors(matrix, _), _): return (FeatureBatch(vectors: matrix), [])
        case let (.images(paths), .some(extractor)):
            let table = try FeatureTable.extract(paths, extractor: extractor, cache: cache, unreadable: unreadable,
                                                 progress: { progress("anomalous features", $0, $1) })
            return (table.batch, table.notes)
        case (.images, .none):
            throw .invalidInput(name: "anomalous", value: anomalousInputs[0],
                                expected: "a .npy matrix of the same features: --train holds feature vectors, not images")
        }
    }
}
