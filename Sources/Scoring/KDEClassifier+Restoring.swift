import LinearAlgebra

extension KDEClassifier {
    /// A fitted classifier rebuilt from a stored model, e.g. read from a detector file.
    ///
    /// Scores equal the original's bit for bit: the PCA is used as stored and the KDE is
    /// refitted from its stored points, which is a deterministic computation.
    /// - Throws: `ScoringError.dimensionMismatch` when the KDE's dimension is not the PCA's
    ///   component count, `.invalidConfiguration` for a non-positive or non-finite `maxLength`.
    public init(restoring model: Model, featureScaling: FeatureScaling, maxTrainingPoints: Int = 40000,
                anomalibCompatible: Bool = false, seed: UInt64 = 0) throws(ScoringError) {
        guard model.kde.dimension == model.pca.components.rows else {
            throw .dimensionMismatch(expected: model.pca.components.rows, got: model.kde.dimension)
        }
        guard model.maxLength.isFinite, model.maxLength > 0 else {
            throw .invalidConfiguration("stored maxLength must be positive and finite, got \(model.maxLength)")
        }
        self.init(componentCount: model.pca.components.rows, featureScaling: featureScaling,
                  maxTrainingPoints: maxTrainingPoints, anomalibCompatible: anomalibCompatible, seed: seed,
                  pcaMethod: model.pca.method)
        self.model = model
    }
}
