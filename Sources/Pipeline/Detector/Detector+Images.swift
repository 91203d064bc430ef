import Features
import Imaging
import Thresholding

extension Detector {
    /// Predictions for image files, in input order, with the files that were left out.
    public struct ImagePredictions: Sendable {
        /// The files predicted, one per prediction.
        public var paths: [String]
        public var predictions: [Prediction]
        /// Unreadable files left out under `.skip`, with the reason.
        public var skipped: [(path: String, reason: String)]
        /// Decoder and cache warnings.
        public var warnings: [String]
    }

    /// Extracts, scores and labels image files with the detector's own extractor.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` when the detector has no
    ///   extractor (fitted on `.npy` features, or read from a file without
    ///   ``attachingExtractor(weightsPath:registry:)``); a file error under `.fail`; the scorer's error.
    /// - Complexity: one decode and extraction per image (cache misses), plus one scoring pass.
    public func predict(images paths: [String], fdr: Double? = nil, cache: FeatureCache? = nil,
                        unreadable: UnreadablePolicy = .fail,
                        progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> ImagePredictions {
        guard let extractor else {
            throw .invalidSetting(name: "input", value: "images",
                                  expected: features.isVectors
                                      ? "a .npy matrix of \(features.summary): this detector was fitted on feature vectors, not images"
                                      : "a detector with its feature extractor attached (pass the weights)")
        }
        let table = try FeatureTable.extract(paths, extractor: extractor, cache: cache, unreadable: unreadable,
                                             progress: { progress("features", $0, $1) })
        guard table.batch.count > 0 else {
            throw .invalidInput(name: "input", value: "\(paths.count) image file\(paths.count == 1 ? "" : "s")",
                                expected: "at least one readable image (none could be decoded)")
        }
        return ImagePredictions(paths: table.paths, predictions: try predict(table.batch, fdr: fdr),
                                skipped: table.skipped, warnings: table.warnings)
    }

    /// The detector with its extractor rebuilt from the stored description, checked against the
    /// stored identifier (weights, preprocessing, size and layers must all match).
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` for a detector fitted on
    ///   `.npy` features; ``PipelineError/features(_:)`` for missing weights; a mismatch error
    ///   naming both identifiers.
    public func attachingExtractor(weightsPath: String? = nil,
                                   registry: ExtractorRegistry = .standard) throws(PipelineError) -> Detector {
        guard case let .extractor(description) = features else {
            throw .invalidSetting(name: "input", value: "images",
                                  expected: "a .npy matrix of \(features.summary): this detector was fitted on feature vectors, not images")
        }
        let rebuilt: any FeatureExtractor
        do throws(FeaturesError) {
            rebuilt = try registry.make(kind: description.kind, settings: description.settings, weightsPath: weightsPath)
        } catch { throw .features(error) }
        guard rebuilt.identifier == description.identifier else {
            throw .invalidInput(name: "weights", value: rebuilt.identifier,
                                expected: "\(description.identifier), the features this detector was fitted on; pass the same weights with --weights")
        }
        var copy = self
        copy.extractor = rebuilt
        return copy
    }
}

extension FeatureSource {
    /// True for raw feature vectors (no extractor).
    public var isVectors: Bool {
        if case .vectors = self { return true }
        return false
    }
}
