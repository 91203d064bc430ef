import Scoring
import Thresholding

/// `fit --rethreshold`: a saved detector with another threshold, fitted on its stored scores,
/// written as a new detector file; the scorer is reused as it is.
public struct RethresholdJob: Sendable {
    public var sourcePath: String
    public var modelPath: String
    public var threshold: any Threshold
    public var force = false
    public var registry = ScorerCatalog.standard.registry

    public init(sourcePath: String, modelPath: String, threshold: any Threshold) {
        self.sourcePath = sourcePath
        self.modelPath = modelPath
        self.threshold = threshold
    }

    public struct Outcome: Sendable {
        public var detector: Detector
        /// The threshold the source detector had.
        public var previous: FittedThreshold
        public var warnings: [String]
    }

    /// Reads the source, refits the threshold on its stored scores, and writes the new detector.
    /// - Throws: ``PipelineError``: the output would replace the source, the stored scores do not
    ///   suit the strategy (a synthetic one on a detector without synthetic scores), or a file error.
    public func run() throws(PipelineError) -> Outcome {
        try OutputGuard.check(modelPath, option: "--model", inputs: [sourcePath], force: force, mayReplace: OutputGuard.isDetectorFile)
        let source = try Detector.read(path: sourcePath, registry: registry)
        var (detector, warnings) = try source.rethresholded(threshold)
        if case var .object(fields) = detector.provenance {
            fields.append(("rethresholded_from", .string(sourcePath)))
            fields.append(("previous_threshold", source.threshold.json))
            detector.provenance = .object(fields)
        }
        try detector.write(to: modelPath)
        if source.calibration == .crossfit { warnings.append("the stored scores are cross-fitted: " + source.calibration.guarantee) }
        return Outcome(detector: detector, previous: source.threshold, warnings: warnings)
    }
}
