import ArrayFormats
import Features
import LinearAlgebra
import Scoring
import Thresholding

/// Typed, checked access to a detector archive's header and arrays.
///
/// The archive's checksum already rules out damage, so what this guards against is a file
/// written by something else, or edited: every missing field, wrong type or wrong size
/// becomes a ``PipelineError/detectorFile(path:reason:)`` naming the field.
struct DetectorFileReader {
    let archive: TensorArchive
    let path: String

    func error(_ reason: String) -> PipelineError { .detectorFile(path: path, reason: reason) }

    func value(_ keys: [String]) throws(PipelineError) -> JSONValue {
        var current = archive.metadata
        for key in keys {
            guard let next = current[key] else { throw error("the header has no field \(keys.joined(separator: "."))") }
            current = next
        }
        return current
    }

    func string(_ keys: String...) throws(PipelineError) -> String {
        guard let s = try value(keys).stringValue else { throw error("\(keys.joined(separator: ".")) must be a string") }
        return s
    }

    func double(_ keys: String...) throws(PipelineError) -> Double {
        guard let d = try value(keys).doubleValue, d.isFinite else {
            throw error("\(keys.joined(separator: ".")) must be a finite number")
        }
        return d
    }

    func int(_ keys: String...) throws(PipelineError) -> Int {
        guard let i = try value(keys).intValue else { throw error("\(keys.joined(separator: ".")) must be an integer") }
        return i
    }

    func seed(_ keys: String...) throws(PipelineError) -> UInt64 {
        guard let s = try value(keys).stringValue, let seed = UInt64(s) else {
            throw error("\(keys.joined(separator: ".")) must be a decimal UInt64 in a string")
        }
        return seed
    }

    /// The named array, which must have `shape` (nil entries are free).
    func array(_ name: String, shape: [Int?]) throws(PipelineError) -> NPYArray {
        guard let a = archive[name] else { throw error("array \(name) is missing") }
        guard a.shape.count == shape.count, zip(a.shape, shape).allSatisfy({ $1 == nil || $0 == $1 }) else {
            let wanted = shape.map { $0.map(String.init) ?? "any" }.joined(separator: "×")
            throw error("array \(name) has shape \(a.shape.map(String.init).joined(separator: "×")), expected \(wanted)")
        }
        return a
    }

    func floats(_ name: String, shape: [Int?]) throws(PipelineError) -> (shape: [Int], values: [Float]) {
        let a = try array(name, shape: shape)
        guard case .float32 = a.storage else { throw error("array \(name) must be float32, is \(a.dtype)") }
        let values = a.floats()
        guard values.allSatisfy(\.isFinite) else { throw error("array \(name) holds a NaN or infinity") }
        return (a.shape, values)
    }

    func doubles(_ name: String, count: Int?) throws(PipelineError) -> [Double] {
        let a = try array(name, shape: [count])
        guard case .float64 = a.storage else { throw error("array \(name) must be float64, is \(a.dtype)") }
        return a.doubles()
    }

    func featureSource() throws(PipelineError) -> FeatureSource {
        let kind = try string("features", "kind")
        let dimension = try int("features", "dimension")
        guard dimension >= 1 else { throw error("features.dimension must be positive, is \(dimension)") }
        if kind == "vectors" { return .vectors(dimension: dimension) }
        guard let extractor = FeatureExtractorKind(rawValue: kind) else {
            throw error("features.kind \"\(kind)\" is unknown (expected vectors or one of \(FeatureExtractorKind.allCases.map(\.rawValue)))")
        }
        let digest = try value(["features", "weights_sha256"]).stringValue
        return .extractor(kind: extractor, identifier: try string("features", "identifier"), dimension: dimension,
                          weightsSHA256: digest)
    }

    func threshold() throws(PipelineError) -> FittedThreshold {
        guard let detailObject = try value(["threshold", "details"]).objectValue else {
            throw error("threshold.details must be an object")
        }
        let details = detailObject.map { Detail($0.key, $0.value.doubleValue ?? .nan) }
        let warnings = try value(["threshold", "warnings"]).arrayValue?.compactMap(\.stringValue) ?? []
        let target = try value(["threshold", "target_fpr"]).doubleValue
        return FittedThreshold(strategy: try string("threshold", "strategy"), value: try double("threshold", "value"),
                               targetFPR: target, details: details, warnings: warnings)
    }

    func scorer(dimension: Int) throws(PipelineError) -> DetectorScorer {
        switch try string("scorer", "kind") {
        case "kde": return try kde(dimension: dimension)
        case "svdd": return try svdd(dimension: dimension)
        case let other: throw error("scorer.kind \"\(other)\" is unknown (expected kde or svdd)")
        }
    }

    private func kde(dimension: Int) throws(PipelineError) -> DetectorScorer {
        let k = try int("scorer", "components")
        guard let scaling = KDEClassifier.FeatureScaling(rawValue: try string("scorer", "scaling")) else {
            throw error("scorer.scaling must be one of \(KDEClassifier.FeatureScaling.allCases.map(\.rawValue))")
        }
        guard let compatible = try value(["scorer", "anomalib_compatible"]).boolValue else {
            throw error("scorer.anomalib_compatible must be true or false")
        }
        let method: PCAMethod
        switch try string("scorer", "pca_method") {
        case "gram": method = .gram
        case "covariance": method = .covariance
        case "randomized": method = .randomized(RandomizedPCAOptions())
        default: method = .automatic
        }
        let mean = try floats("pca_mean", shape: [dimension]).values
        let components = try floats("pca_components", shape: [k, dimension])
        let variance = try doubles("pca_explained_variance", count: k)
        let points = try floats("kde_points", shape: [nil, k])
        let maxLength = try double("scorer", "max_length")
        let maxTrainingPoints = try int("scorer", "max_training_points")
        let seed = try seed("scorer", "seed")
        let pca: PrincipalComponents
        do throws(LinearAlgebraError) {
            pca = try PrincipalComponents(mean: mean, components: Matrix(rows: k, columns: dimension, elements: components.values),
                                          explainedVariance: variance, method: method)
        } catch { throw self.error("the PCA arrays do not fit together: \(error)") }
        do throws(ScoringError) {
            let kde = try GaussianKDE(fitting: Matrix(rows: points.shape[0], columns: k, elements: points.values))
            let model = KDEClassifier.Model(pca: pca, maxLength: maxLength, kde: kde)
            return .kde(try KDEClassifier(restoring: model, featureScaling: scaling, maxTrainingPoints: maxTrainingPoints,
                                          anomalibCompatible: compatible, seed: seed))
        } catch { throw self.error("the KDE arrays do not make a valid density estimate: \(error)") }
    }

    private func svdd(dimension: Int) throws(PipelineError) -> DetectorScorer {
        let architecture: DeepSVDDArchitecture
        switch try string("scorer", "architecture", "type") {
        case "mlp":
            guard let hidden = try value(["scorer", "architecture", "hidden"]).arrayValue?.compactMap(\.intValue) else {
                throw error("scorer.architecture.hidden must be a list of integers")
            }
            architecture = .multilayerPerceptron(inputDimension: try int("scorer", "architecture", "input"),
                                                 hiddenDimensions: hidden,
                                                 representationDimension: try int("scorer", "architecture", "representation"))
        case "conv":
            architecture = .convolutional(imageSize: try int("scorer", "architecture", "image_size"))
        case let other: throw error("scorer.architecture.type \"\(other)\" is unknown (expected mlp or conv)")
        }
        do throws(DeepSVDDError) { try architecture.validate() } catch { throw self.error("scorer.architecture: \(error)") }
        guard architecture.sampleShape.reduce(1, *) == dimension else {
            throw error("the Deep SVDD network takes \(architecture.sampleShape.reduce(1, *)) inputs, the features have \(dimension)")
        }
        let objective: DeepSVDDObjective
        switch try string("scorer", "objective", "type") {
        case "one-class": objective = .oneClass
        case "soft-boundary": objective = .softBoundary(nu: try double("scorer", "objective", "nu"))
        case let other: throw error("scorer.objective.type \"\(other)\" is unknown (expected one-class or soft-boundary)")
        }
        let count = try int("scorer", "parameter_arrays")
        guard count >= 0, count <= 1000 else { throw error("scorer.parameter_arrays = \(count) is out of range") }
        var parameters: [[Float]] = []
        for i in 0..<count { parameters.append(try floats("svdd_parameter_\(i)", shape: [nil]).values) }
        let center = try floats("svdd_center", shape: [nil]).values
        var configuration = DeepSVDDConfiguration()
        configuration.objective = objective
        configuration.epochs = (try? int("scorer", "training", "epochs")) ?? configuration.epochs
        configuration.batchSize = (try? int("scorer", "training", "batch_size")) ?? configuration.batchSize
        configuration.learningRate = (try? double("scorer", "training", "learning_rate")).map(Float.init) ?? configuration.learningRate
        configuration.weightDecay = (try? double("scorer", "training", "weight_decay")).map(Float.init) ?? configuration.weightDecay
        configuration.pretrainingEpochs = (try? int("scorer", "training", "pretraining_epochs")) ?? 0
        configuration.seed = (try? seed("scorer", "training", "seed")) ?? 0
        let radius = try double("scorer", "radius")
        do throws(DeepSVDDError) {
            let model = try DeepSVDD(architecture: architecture, objective: objective, center: center,
                                     radius: radius, parameters: parameters)
            return .svdd(DeepSVDDScorer(restoring: model, configuration: configuration))
        } catch {
            throw self.error("the Deep SVDD arrays do not fit the stored architecture: \(error)")
        }
    }
}
