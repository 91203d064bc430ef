extension PrincipalComponents {
    /// Rebuilds a fitted PCA from stored parts, e.g. from a detector file.
    ///
    /// No fitting happens: `transform` then gives bit-identical projections to the
    /// instance the parts were taken from.
    /// - Parameters:
    ///   - mean: the D column means.
    ///   - components: k×D axes, one per row.
    ///   - explainedVariance: k variances.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(expected:actual:)`` when the parts
    ///   disagree in size, ``LinearAlgebraError/nonFinite`` for NaN or infinity.
    /// - Complexity: O(k·D) to validate.
    public init(mean: [Float], components: Matrix<Float>, explainedVariance: [Double], method: PCAMethod,
                iterations: Int = 0) throws(LinearAlgebraError) {
        guard components.columns == mean.count else {
            throw .dimensionMismatch(expected: mean.count, actual: components.columns)
        }
        guard components.rows >= 1 else { throw .tooManyComponents(requested: 0, available: mean.count) }
        guard explainedVariance.count == components.rows else {
            throw .dimensionMismatch(expected: components.rows, actual: explainedVariance.count)
        }
        guard mean.allSatisfy(\.isFinite), components.isFinite, explainedVariance.allSatisfy(\.isFinite) else {
            throw .nonFinite
        }
        self.mean = mean
        self.components = components
        self.explainedVariance = explainedVariance
        self.method = method
        self.iterations = iterations
    }
}
