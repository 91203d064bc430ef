import LinearAlgebra
import Scoring

/// The scorers the CLI can fit by name.
public enum ScorerKind: String, Sendable, CaseIterable {
    /// PCA + Gaussian KDE (anomalib's DFKDE classification stage); score = −log-density.
    case kde
    /// Deep SVDD with a bias-free MLP D-512-128 (Ruff et al.); score = squared distance to the centre.
    case svdd

    /// Fits a fresh scorer of this kind on `rows` (good samples only).
    public func fit(_ rows: Matrix<Float>, seed: UInt64) throws(ScoringError) -> any AnomalyScorer {
        switch self {
        case .kde:
            var s = KDEClassifier(seed: seed)
            try s.fit(normal: rows)
            return s
        case .svdd:
            var configuration = DeepSVDDConfiguration()
            configuration.seed = seed
            let architecture = DeepSVDDArchitecture.multilayerPerceptron(
                inputDimension: rows.columns, hiddenDimensions: [512], representationDimension: 128)
            var s = DeepSVDDScorer(architecture: architecture, configuration: configuration)
            try s.fit(normal: rows)
            return s
        }
    }
}

extension Matrix where Scalar == Float {
    /// The given rows of a vector list, as a matrix.
    init(rows indices: [Int], of vectors: [[Float]]) {
        let columns = vectors.first?.count ?? 0
        var elements: [Float] = []
        elements.reserveCapacity(indices.count * columns)
        for i in indices { elements += vectors[i] }
        self.init(rows: indices.count, columns: columns, elements: elements)
    }
}
