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
        public var detector: Detector
        public var rows: [Row]
        public var warnings: [String]
    }

    /// Reads the detector, resolves the inputs, and predicts.
    /// - Throws: ``PipelineError`` naming the file or step that failed.
    public func run(progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> Outcome {
        var detector = try Detector.read(path: modelPath, registry: registry)
        switch try InputSet.resolve(inputs) {
        case let .vectors(matrix, origins):
            guard matrix.columns == detector.features.dimension else {
                throw .invalidInput(name: origins.first?.input ?? inputs[0], value: "\(matrix.columns) columns",
                                    expected: "\(detector.features.dimension) columns, the width of the features \(modelPath) was fitted on (\(detector.features.summary))")
            }
            let predictions = try detector.predict(matrix, fdr: fdr)
            return Outcome(detector: detector, rows: zip(origins, predictions).map {
                Row(input: $0.input, index: $0.index, isMatrixRow: true, prediction: $1)
            }, warnings: [])
        case let .images(paths):
            detector = try detector.attachingExtractor(weightsPath: weightsPath)
            let result = try detector.predict(images: paths, fdr: fdr, cache: cache, unreadable: unreadable, progress: progress)
            return Outcome(detector: detector,
                           rows: zip(result.paths, result.predictions).map { Row(input: $0, index: 0, isMatrixRow: false, prediction: $1) },
                           warnings: result.skipped.map { "skipped \($0.path): \($0.reason)" } + result.warnings)
        }
    }
}
