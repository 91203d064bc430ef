import ArrayFormats
import Features
import LinearAlgebra
import Scoring
import Thresholding

extension Detector {
    /// The `format` value that marks a detector file, and the layout version this code writes and reads.
    public static let fileFormat = "thresholdkit-detector"
    public static let fileVersion = 1

    /// Writes the detector to `path` atomically (a temp file beside it, then a rename), as a
    /// checksummed ``TensorArchive``: settings in its JSON header, every array bit for bit.
    /// - Throws: ``PipelineError/detectorFile(path:reason:)`` when the file cannot be written.
    public func write(to path: String) throws(PipelineError) {
        let archive = try archive()
        do throws(ArrayFormatError) { try archive.write(to: path) } catch {
            throw .detectorFile(path: path, reason: Self.reason(error, path: path))
        }
    }

    /// Reads a detector written by ``write(to:)``.
    /// - Throws: ``PipelineError/detectorFile(path:reason:)`` for a missing, truncated, damaged or
    ///   foreign file, a newer format version, or arrays that do not fit the stored settings.
    public static func read(path: String) throws(PipelineError) -> Detector {
        let archive: TensorArchive
        do throws(ArrayFormatError) { archive = try TensorArchive.read(path: path) } catch {
            throw .detectorFile(path: path, reason: Self.reason(error, path: path))
        }
        return try Detector(archive: archive, path: path)
    }

    /// The detector as an archive: metadata plus arrays.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` when the scorer was never fitted.
    public func archive() throws(PipelineError) -> TensorArchive {
        var sections: [(name: String, array: NPYArray)] = [("calibration_scores", NPYArray(calibrationScores))]
        let scorerJSON: JSONValue
        switch scorer {
        case let .kde(s):
            guard let model = s.model else { throw .invalidSetting(name: "scorer", value: "kde (not fitted)", expected: "a fitted scorer") }
            sections += [
                ("pca_mean", NPYArray(model.pca.mean)),
                ("pca_components", NPYArray(rows: model.pca.components.rows, columns: model.pca.components.columns,
                                            values: model.pca.components.elements)),
                ("pca_explained_variance", NPYArray(model.pca.explainedVariance)),
                ("kde_points", NPYArray(rows: model.kde.points.rows, columns: model.kde.points.columns,
                                        values: model.kde.points.elements)),
            ]
            scorerJSON = [
                "kind": "kde", "components": .number(Double(s.componentCount)), "scaling": .string(s.featureScaling.rawValue),
                "anomalib_compatible": .bool(s.anomalibCompatible), "max_training_points": .number(Double(s.maxTrainingPoints)),
                "seed": .string(String(s.seed)), "pca_method": .string(Self.name(of: model.pca.method)),
                "max_length": .number(model.maxLength),
            ]
        case let .svdd(s):
            guard let model = s.model else { throw .invalidSetting(name: "scorer", value: "svdd (not fitted)", expected: "a fitted scorer") }
            sections.append(("svdd_center", NPYArray(model.center)))
            for (i, p) in model.parameters.enumerated() { sections.append(("svdd_parameter_\(i)", NPYArray(p))) }
            let c = s.configuration
            scorerJSON = [
                "kind": "svdd", "architecture": Self.json(model.architecture), "objective": Self.json(model.objective),
                "radius": .number(model.radius), "parameter_arrays": .number(Double(model.parameters.count)),
                "training": [
                    "epochs": .number(Double(c.epochs)), "batch_size": .number(Double(c.batchSize)),
                    "learning_rate": .number(Double(c.learningRate)), "weight_decay": .number(Double(c.weightDecay)),
                    "pretraining_epochs": .number(Double(c.pretrainingEpochs)), "seed": .string(String(c.seed)),
                ],
            ]
        }
        let metadata: JSONValue = [
            "format": .string(Self.fileFormat), "version": .number(Double(Self.fileVersion)),
            "features": Self.json(features),
            "scorer": scorerJSON,
            "threshold": threshold.json,
            "normalization": ["minimum": .number(normalization.minimum), "maximum": .number(normalization.maximum)],
            "calibration": ["mode": .string(calibration.rawValue), "guarantee": .string(calibration.guarantee),
                            "count": .number(Double(calibrationScores.count))],
            "provenance": provenance,
        ]
        return TensorArchive(metadata: metadata, sections: sections)
    }

    /// Rebuilds a detector from an archive; `path` names it in errors.
    public init(archive: TensorArchive, path: String) throws(PipelineError) {
        let file = DetectorFileReader(archive: archive, path: path)
        guard archive.metadata["format"]?.stringValue == Self.fileFormat else {
            throw file.error("not a ThresholdKit detector (its header has no \"format\": \"\(Self.fileFormat)\")")
        }
        let version = try file.int("version")
        guard version == Self.fileVersion else {
            throw file.error("format version \(version) is not supported by this build (it reads version \(Self.fileVersion))")
        }
        let features = try file.featureSource()
        let scorer = try file.scorer(dimension: features.dimension)
        let threshold = try file.threshold()
        guard let mode = CalibrationMode(rawValue: try file.string("calibration", "mode")) else {
            throw file.error("calibration.mode must be one of \(CalibrationMode.allCases.map(\.rawValue))")
        }
        let calibrationScores = try file.doubles("calibration_scores", count: nil)
        guard calibrationScores.allSatisfy(\.isFinite) else { throw file.error("calibration_scores holds a NaN or infinity") }
        let normalization = ScoreNormalization(threshold: threshold.value,
                                               minimum: try file.double("normalization", "minimum"),
                                               maximum: try file.double("normalization", "maximum"))
        self.init(features: features, scorer: scorer, threshold: threshold, calibration: mode,
                  calibrationScores: calibrationScores, normalization: normalization,
                  provenance: archive.metadata["provenance"] ?? [:])
    }

    /// The archive error's text without its leading file name, which `detectorFile` already gives.
    static func reason(_ error: ArrayFormatError, path: String) -> String {
        let text = error.description
        return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }

    static func name(of method: PCAMethod) -> String {
        switch method {
        case .automatic: "automatic"
        case .gram: "gram"
        case .covariance: "covariance"
        case .randomized: "randomized"
        }
    }

    static func json(_ features: FeatureSource) -> JSONValue {
        switch features {
        case let .vectors(d): return ["kind": "vectors", "dimension": .number(Double(d))]
        case let .extractor(kind, identifier, d, digest):
            return ["kind": .string(kind.rawValue), "identifier": .string(identifier), "dimension": .number(Double(d)),
                    "weights_sha256": digest.map(JSONValue.string) ?? .null]
        }
    }

    static func json(_ architecture: DeepSVDDArchitecture) -> JSONValue {
        switch architecture {
        case let .multilayerPerceptron(input, hidden, representation):
            return ["type": "mlp", "input": .number(Double(input)), "hidden": .array(hidden.map { .number(Double($0)) }),
                    "representation": .number(Double(representation))]
        case let .convolutional(size):
            return ["type": "conv", "image_size": .number(Double(size))]
        }
    }

    static func json(_ objective: DeepSVDDObjective) -> JSONValue {
        switch objective {
        case .oneClass: return ["type": "one-class"]
        case let .softBoundary(nu): return ["type": "soft-boundary", "nu": .number(nu)]
        }
    }
}

extension FittedThreshold {
    /// `{"strategy", "value", "target_fpr", "details": {…}, "warnings": […]}`, as detector files and `fit --json` hold it.
    public var json: JSONValue {
        [
            "strategy": .string(strategy), "value": .number(value), "target_fpr": JSONValue(number: targetFPR),
            "details": .object(details.map { (key: $0.name, value: JSONValue(number: $0.value)) }),
            "warnings": .array(warnings.map(JSONValue.string)),
        ]
    }
}
