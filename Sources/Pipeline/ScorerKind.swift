import LinearAlgebra

/// The scorers the CLI can fit by name; `ScorerSettings` builds and fits them.
public enum ScorerKind: String, Sendable, CaseIterable {
    /// PCA + Gaussian KDE (anomalib's DFKDE classification stage); score = −log-density.
    case kde
    /// Deep SVDD with a bias-free MLP D-512-128 (Ruff et al.); score = squared distance to the centre.
    case svdd
    /// Deep SVDD with the convolutional encoder on square grey images (`grey128` features), after
    /// autoencoder pre-training; ANCHORS.md's settings by default.
    case svddConvolutional = "svdd-conv"
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
