import ArrayFormats
import LinearAlgebra

extension KDEClassifier: ArchivableScorer, DensityScorer {
    public static let kind = "kde"

    /// The settings, the PCA (mean, components, explained variance) and the KDE's scaled
    /// training points; the KDE is refitted from its points on restore, a deterministic step.
    /// - Throws: ``ScoringError/notFitted``.
    public func archived() throws(ScoringError) -> ArchiveRecord {
        guard let model else { throw .notFitted }
        var record = ArchiveRecord(settings: [
            "components": .number(Double(componentCount)), "scaling": .string(featureScaling.rawValue),
            "anomalib_compatible": .bool(anomalibCompatible), "max_training_points": .number(Double(maxTrainingPoints)),
            "seed": .string(String(seed)), "pca_method": .string(Self.name(of: model.pca.method)),
            "max_length": .number(model.maxLength),
        ])
        record.append("pca_mean", NPYArray(model.pca.mean))
        record.append("pca_components", NPYArray(rows: model.pca.components.rows, columns: model.pca.components.columns,
                                                 values: model.pca.components.elements))
        record.append("pca_explained_variance", NPYArray(model.pca.explainedVariance))
        record.append("kde_points", NPYArray(rows: model.kde.points.rows, columns: model.kde.points.columns,
                                             values: model.kde.points.elements))
        return record
    }

    /// Rebuilds the fitted classifier; its scores equal the original's bit for bit.
    public init(restoring record: ArchiveRecord) throws(ScoringError) {
        let parts = try record.reading { r throws(ArchiveFieldError) in
            let k = try r.int("components", in: 1...100_000)
            let scaling = FeatureScaling(rawValue: try r.choice("scaling", from: FeatureScaling.allCases.map(\.rawValue)))!
            let method: PCAMethod
            switch try r.choice("pca_method", from: ["automatic", "gram", "covariance", "randomized"]) {
            case "gram": method = .gram
            case "covariance": method = .covariance
            case "randomized": method = .randomized(RandomizedPCAOptions())
            default: method = .automatic
            }
            let components = try r.floats("pca_components", shape: [k, nil])
            let dimension = components.shape[1]
            return (k: k, scaling: scaling, method: method, compatible: try r.bool("anomalib_compatible"),
                    mean: try r.floats("pca_mean", shape: [dimension]).values, components: components.values,
                    dimension: dimension, variance: try r.doubles("pca_explained_variance", count: k),
                    points: try r.floats("kde_points", shape: [nil, k]), maxLength: try r.double("max_length"),
                    maxTrainingPoints: try r.int("max_training_points", in: 1...Int.max), seed: try r.seed("seed"))
        }
        let pca: PrincipalComponents
        do throws(LinearAlgebraError) {
            pca = try PrincipalComponents(mean: parts.mean, components: Matrix(rows: parts.k, columns: parts.dimension, elements: parts.components),
                                          explainedVariance: parts.variance, method: parts.method)
        } catch { throw .invalidConfiguration("the stored PCA arrays do not fit together: \(error)") }
        let kde = try GaussianKDE(fitting: Matrix(rows: parts.points.shape[0], columns: parts.k, elements: parts.points.values))
        try self.init(restoring: Model(pca: pca, maxLength: parts.maxLength, kde: kde), featureScaling: parts.scaling,
                      maxTrainingPoints: parts.maxTrainingPoints, anomalibCompatible: parts.compatible, seed: parts.seed)
    }

    static func name(of method: PCAMethod) -> String {
        switch method {
        case .automatic: "automatic"
        case .gram: "gram"
        case .covariance: "covariance"
        case .randomized: "randomized"
        }
    }
}
