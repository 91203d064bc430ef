import Features
import LinearAlgebra
import Scoring
import Thresholding

/// `thresholdkit predict` as a value: a detector file and inputs in, one prediction per sample out.
public struct PredictJob: Sendable {
    public var modelPath: String
    /// `.npy` matrices of the detector's features, or image files and folders.
    public var inputs: [String]
    public var weightsPath: String?
    /// A false-discovery rate for Benjamini–Hochberg over the batch.
    public var fdr: Double?
    public var cache: FeatureCache?
    public var unreadable: UnreadablePolicy = .fail
    /// The scorer kinds the file may hold.
    public var registry = ScorerCatalog.standard.registry
    /// Where to write each image's anomaly map (`.npy`), heatmap and pixel mask (`.png`), mirroring
    /// the input's path below the folder given; nil writes none.
    public var mapsDirectory: String?
    /// Replace map files that already exist there.
    public var force = false
    /// Another threshold for this run, without refitting the scorer (nil: the stored one).
    public var threshold: ThresholdOverride?

    /// How `predict` may move the operating point of a saved detector.
    public enum ThresholdOverride: Sendable {
        /// A fixed cut-off (manual).
        case value(Double)
        /// The stored strategy refitted at another α on the stored scores (its other parameters at their defaults).
        case alpha(Double)
    }

    public init(modelPath: String, inputs: [String]) {
        self.modelPath = modelPath
        self.inputs = inputs
    }

    /// One labelled sample: where it came from and what the detector says.
    public struct Row: Sendable {
        /// The file, and the row within it for a `.npy` matrix (0 for an image).
        public var input: String
        public var index: Int
        /// Whether `input` is a `.npy` matrix (the row index then matters).
        public var isMatrixRow: Bool
        public var prediction: Prediction
    }

    public struct Outcome: Sendable {
        /// The detector as used: with the new threshold when one was given.
        public var detector: Detector
        public var rows: [Row]
        public var warnings: [String]
        /// Where the threshold came from, for the output.
        public var thresholdSource: String
    }

    /// Reads the detector, resolves the inputs, and predicts.
    /// - Throws: ``PipelineError`` naming the file or step that failed.
    public func run(progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> Outcome {
        var detector = try Detector.read(path: modelPath, registry: registry)
        var warnings: [String] = []
        var source = "stored in \(modelPath)"
        if let threshold {
            let stored = detector.threshold.strategy
            let strategy: any Threshold
            switch threshold {
            case .value(let v):
                strategy = ManualThreshold(value: v)
                source = "given with --threshold (instead of the stored \(stored) threshold)"
            case .alpha(let a):
                guard let descriptor = StrategyRegistry.standard[stored], descriptor.parameters.contains(where: { $0.key == "alpha" }) else {
                    throw .invalidSetting(name: "alpha", value: "\(a)",
                                          expected: "a detector whose threshold has an α; its \(stored) threshold has none (use --threshold T, or `fit --rethreshold`)")
                }
                var values = descriptor.emptyValues
                values.set("alpha", .number(a))
                do throws(ParameterError) { strategy = try descriptor.make(values) } catch {
                    throw .invalidSetting(name: "alpha", value: "\(a)", expected: error.description)
                }
                source = "\(stored) refitted at α = \(a) on the \(detector.scores.normal.count) good scores stored in \(modelPath)"
            }
            let moved = try detector.rethresholded(strategy)
            detector = moved.detector
            warnings += moved.warnings
        }
        switch try InputSet.resolve(inputs) {
        case let .vectors(matrix, origins):
            if mapsDirectory != nil {
                throw .invalidSetting(name: "maps", value: inputs[0], expected: "image inputs: anomaly maps are drawn over images, not feature rows")
            }
            guard matrix.columns == detector.features.dimension else {
                throw .invalidInput(name: origins.first?.input ?? inputs[0], value: "\(matrix.columns) columns",
                                    expected: "\(detector.features.dimension) columns, the width of the features \(modelPath) was fitted on (\(detector.features.summary))")
            }
            let predictions = try detector.predict(matrix, fdr: fdr)
            return Outcome(detector: detector, rows: zip(origins, predictions).map {
                Row(input: $0.input, index: $0.index, isMatrixRow: true, prediction: $1)
            }, warnings: warnings, thresholdSource: source)
        case let .images(paths):
            detector = try detector.attachingExtractor(weightsPath: weightsPath)
            if let mapsDirectory {
                let writer = try MapWriter(directory: mapsDirectory, inputs: inputs, images: paths, force: force)
                let result = try detector.predictWithMaps(images: paths, fdr: fdr, cache: cache, unreadable: unreadable, progress: progress)
                for p in result.predictions { try writer.write(p, pixelThreshold: detector.pixelThreshold!.value) }
                return Outcome(detector: detector,
                               rows: result.predictions.map { Row(input: $0.path, index: 0, isMatrixRow: false, prediction: $0.prediction) },
                               warnings: warnings + result.skipped.map { "skipped \($0.path): \($0.reason)" } + result.warnings,
                               thresholdSource: source)
            }
            let result = try detector.predict(images: paths, fdr: fdr, cache: cache, unreadable: unreadable, progress: progress)
            return Outcome(detector: detector,
                           rows: zip(result.paths, result.predictions).map { Row(input: $0, index: 0, isMatrixRow: false, prediction: $1) },
                           warnings: warnings + result.skipped.map { "skipped \($0.path): \($0.reason)" } + result.warnings,
                           thresholdSource: source)
        }
    }
}
