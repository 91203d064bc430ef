import Foundation
import LinearAlgebra
import Randomness

/// anomalib's KDE classifier (DFKDE's classification stage): PCA, feature scaling, then a Gaussian KDE.
///
/// Fitted on good samples only. The raw anomaly score is the negative log-density,
/// so higher is more anomalous; `predict` gives anomalib's fixed squash of the
/// log-density instead. Log-densities are computed stably and are always finite,
/// where anomalib's float32 densities underflow to −∞ far from the training data.
public struct KDEClassifier: VectorScorer {
    /// Number of principal components kept (anomalib's `n_pca_components`).
    public var componentCount: Int
    /// How projected features are scaled before the KDE.
    public var featureScaling: FeatureScaling
    /// Above this many samples, fitting uses a seeded random subset of this size.
    public var maxTrainingPoints: Int
    /// Reproduce anomalib's centring quirk: training points centred, queries not (see REFERENCE §2).
    ///
    /// It changes results only with `.norm` scaling, where the shared reference values carry it.
    public var anomalibCompatible: Bool
    /// Seed of the subsampling and of the randomized PCA route.
    public var seed: UInt64
    /// The PCA route; `.automatic` picks by shape.
    public var pcaMethod: PCAMethod

    /// The fitted state, nil until `fit` succeeds.
    public internal(set) var model: Model?

    /// What fitting learns.
    public struct Model: Sendable {
        /// The projection onto the top components.
        public let pca: PrincipalComponents
        /// The largest row norm of the projected training data (used by `.scale`).
        public let maxLength: Double
        /// The density estimate over scaled projected training points.
        public let kde: GaussianKDE

        /// Assembles a fitted state from its parts (see `KDEClassifier.init(restoring:…)`).
        public init(pca: PrincipalComponents, maxLength: Double, kde: GaussianKDE) {
            self.pca = pca
            self.maxLength = maxLength
            self.kde = kde
        }
    }

    /// Creates an unfitted classifier with anomalib's defaults unless told otherwise.
    public init(componentCount: Int = 16, featureScaling: FeatureScaling = .scale, maxTrainingPoints: Int = 40000,
                anomalibCompatible: Bool = false, seed: UInt64 = 0, pcaMethod: PCAMethod = .automatic) {
        self.componentCount = componentCount
        self.featureScaling = featureScaling
        self.maxTrainingPoints = maxTrainingPoints
        self.anomalibCompatible = anomalibCompatible
        self.seed = seed
        self.pcaMethod = pcaMethod
    }

    /// Fits PCA, the scaling and the KDE to good samples (rows).
    /// - Throws: `ScoringError.tooFewSamples` when N ≤ componentCount (the projected covariance
    ///   would be singular), `.tooFewFeatures` when D < componentCount, `.nonFinite`,
    ///   `.notPositiveDefinite`, `.invalidConfiguration`.
    /// - Complexity: PCA (see `PrincipalComponents`) plus O(N·k²) for the KDE.
    public mutating func fit(normal samples: Matrix<Float>) throws(ScoringError) {
        let k = componentCount
        guard k >= 1 else { throw .invalidConfiguration("componentCount must be at least 1, got \(k)") }
        guard maxTrainingPoints > k else {
            throw .invalidConfiguration("maxTrainingPoints (\(maxTrainingPoints)) must exceed componentCount (\(k))")
        }
        guard samples.rows > k else { throw .tooFewSamples(needed: k + 1, got: samples.rows) }
        guard samples.columns >= k else { throw .tooFewFeatures(needed: k, got: samples.columns) }
        try requireFinite(samples)
        var training = samples
        if samples.rows > maxTrainingPoints {
            var generator = SeededGenerator(seed: seed)
            training = samples.selectingRows(Self.subsample(samples.rows, keeping: maxTrainingPoints, using: &generator))
        }
        let method: PCAMethod
        if case .randomized(var options) = pcaMethod {
            options.seed = seed
            method = .randomized(options)
        } else {
            method = pcaMethod
        }
        let pca: PrincipalComponents
        do {
            pca = try PrincipalComponents(fitting: training, componentCount: k, method: method)
        } catch {
            throw Self.scoringError(error)
        }
        var projected = pca.transform(training)
        let maxLength = featureScaling == .scale ? Self.largestRowNorm(projected) : 1
        Self.scale(&projected, by: featureScaling, maxLength: maxLength)
        if anomalibCompatible {
            // anomalib centres its stored training points while computing the covariance.
            let means = columnMeans(projected)
            for i in 0..<projected.rows {
                for j in 0..<k { projected[i, j] = Float(Double(projected[i, j]) - means[j]) }
            }
        }
        model = Model(pca: pca, maxLength: maxLength, kde: try GaussianKDE(fitting: projected))
    }

    /// The KDE's log-density (or density) of each row, as anomalib's `compute_kde_scores`.
    /// - Throws: `ScoringError.notFitted`, `.dimensionMismatch`, `.nonFinite`.
    /// - Complexity: O(m·D·k) projection plus O(m·n·k) kernel sum for m rows.
    public func computeKDEScores(_ samples: Matrix<Float>, asLogLikelihood: Bool = true) throws(ScoringError) -> [Double] {
        guard let model else { throw .notFitted }
        guard samples.columns == model.pca.mean.count else {
            throw .dimensionMismatch(expected: model.pca.mean.count, got: samples.columns)
        }
        try requireFinite(samples)
        var projected = model.pca.transform(samples)
        Self.scale(&projected, by: featureScaling, maxLength: model.maxLength)
        let logDensity = try model.kde.logDensity(projected)
        return asLogLikelihood ? logDensity : logDensity.map { Foundation.exp($0) }
    }

    /// The anomaly score of each row: the negative log-density, higher = more anomalous.
    /// - Complexity: as `computeKDEScores`.
    public func score(_ samples: Matrix<Float>) throws(ScoringError) -> [Double] {
        try computeKDEScores(samples).map { -$0 }
    }

    /// anomalib's `predict`: `computeProbabilities` of each row's log-density.
    /// - Complexity: as `computeKDEScores`.
    public func predict(_ samples: Matrix<Float>) throws(ScoringError) -> [Double] {
        try computeKDEScores(samples).map(Self.computeProbabilities)
    }

    /// anomalib's fixed squash 1/(1 + exp(0.05·(s − 12))) of a log-density s: 0.5 at s = 12, about 0.646 at s = 0.
    ///
    /// It decreases in s, so higher means more anomalous. It is not a calibrated probability.
    public static func computeProbabilities(_ logDensity: Double) -> Double {
        1 / (1 + Foundation.exp(0.05 * (logDensity - 12)))
    }

    /// `keeping` distinct indices out of 0..<count, by a seeded partial Fisher–Yates shuffle, in ascending order.
    static func subsample(_ count: Int, keeping: Int, using generator: inout SeededGenerator) -> [Int] {
        var indices = Array(0..<count)
        for i in 0..<keeping {
            indices.swapAt(i, i + generator.nextInt(below: count - i))
        }
        return indices[0..<keeping].sorted()
    }

    static func scoringError(_ error: LinearAlgebraError) -> ScoringError {
        switch error {
        case let .tooFewSamples(needed, got): return .tooFewSamples(needed: needed, got: got)
        case let .tooManyComponents(requested, available): return .tooFewFeatures(needed: requested, got: available)
        case let .notPositiveDefinite(pivot, _): return .notPositiveDefinite(pivot: pivot)
        default: return .invalidConfiguration("PCA failed: \(error)")
        }
    }
}
