import LinearAlgebra
import Scoring

/// How to build and fit one of the scorers a detector file can hold.
public struct ScorerSettings: Sendable, Hashable {
    /// Which scorer.
    public var kind: ScorerKind
    /// KDE: principal components kept.
    public var componentCount = 16
    /// KDE: scaling of the projected features.
    public var scaling: KDEClassifier.FeatureScaling = .scale
    /// KDE: reproduce anomalib's centring quirk.
    public var anomalibCompatible = false
    /// Deep SVDD: hidden widths of the MLP encoder.
    public var hiddenDimensions = [512]
    /// Deep SVDD: the representation's dimension.
    public var representationDimension = 128
    /// Deep SVDD: objective and training hyper-parameters (its `seed` is replaced by `seed`).
    public var training = DeepSVDDConfiguration()
    /// Seeds subsampling, randomized PCA and network initialisation.
    public var seed: UInt64 = 0

    /// Default settings for `kind`; the convolutional Deep SVDD gets ANCHORS.md's schedule
    /// (20 autoencoder and 20 one-class epochs, lr 1e-4, weight decay 5e-7, batch 16).
    public init(kind: ScorerKind) {
        self.kind = kind
        if kind == .svddConvolutional {
            training.pretrainingEpochs = 20
            training.epochs = 20
        }
    }

    /// A fresh scorer fitted on `rows` (good samples only).
    /// - Throws: the scorer's own `ScoringError` (too few rows, non-finite values, …).
    public func fit(_ rows: Matrix<Float>,
                    progress: (@Sendable (DeepSVDDProgress) -> Void)? = nil) throws(ScoringError) -> DetectorScorer {
        switch kind {
        case .kde:
            var s = KDEClassifier(componentCount: componentCount, featureScaling: scaling,
                                  anomalibCompatible: anomalibCompatible, seed: seed)
            try s.fit(normal: rows)
            return .kde(s)
        case .svdd:
            var configuration = training
            configuration.seed = seed
            let architecture = DeepSVDDArchitecture.multilayerPerceptron(
                inputDimension: rows.columns, hiddenDimensions: hiddenDimensions,
                representationDimension: representationDimension)
            var s = DeepSVDDScorer(architecture: architecture, configuration: configuration, progress: progress)
            try s.fit(normal: rows)
            return .svdd(s)
        case .svddConvolutional:
            let side = Int(Double(rows.columns).squareRoot().rounded())
            guard side * side == rows.columns, side >= 32, side % 32 == 0 else {
                throw .invalidConfiguration("svdd-conv needs square grey images whose side is a multiple of 32 "
                                            + "(use --features grey128); got \(rows.columns) features per sample")
            }
            var configuration = training
            configuration.seed = seed
            var s = DeepSVDDScorer(architecture: .convolutional(imageSize: side), configuration: configuration, progress: progress)
            try s.fit(normal: rows)
            return .svdd(s)
        }
    }
}
