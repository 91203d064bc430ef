/// Principal component analysis: the mean and the top-k principal axes of a data set.
///
/// Rows are samples. The components span the top-k right-singular subspace of the
/// centred data, as a full SVD would give; only the route to it differs (see
/// `PCAMethod`). Each component's sign is fixed so its largest-magnitude entry is
/// positive, making results deterministic; downstream density estimates do not
/// depend on signs.
public struct PrincipalComponents: Sendable, Hashable {
    /// The column means of the training data.
    public let mean: [Float]
    /// The principal axes, one unit vector per row, largest variance first (k×D).
    public let components: Matrix<Float>
    /// The variance along each axis: eigenvalues of the unbiased covariance, descending.
    public let explainedVariance: [Double]
    /// The route chosen (`.automatic` resolved by shape); a randomized request on data too small for two Krylov blocks is answered by an exact route.
    public let method: PCAMethod
    /// Krylov blocks (passes of XcᵀXc over the data) the randomized route ran; 0 for the exact routes.
    public let iterations: Int

    /// Fits k principal axes to the rows of `data`.
    /// - Parameters:
    ///   - data: N×D samples, finite.
    ///   - componentCount: k, with 1 ≤ k ≤ min(N − 1, D).
    ///   - method: the route; `.automatic` chooses by shape.
    /// - Throws: `LinearAlgebraError.tooFewSamples` (N < 2), `.tooManyComponents`, `.nonFinite`.
    /// - Complexity: Gram O(N²D + N³); covariance O(ND² + D³); randomized O(N·D·(k+p)·iterations).
    public init(fitting data: Matrix<Float>, componentCount k: Int, method: PCAMethod = .automatic)
        throws(LinearAlgebraError)
    {
        let (n, d) = (data.rows, data.columns)
        guard n >= 2 else { throw .tooFewSamples(needed: 2, got: n) }
        let available = min(n - 1, d)
        guard k >= 1, k <= available else { throw .tooManyComponents(requested: k, available: available) }
        guard data.isFinite else { throw .nonFinite }
        let resolved = method == .automatic ? PCAMethod.automatic(rows: n, columns: d, components: k) : method
        let means = columnMeans(data)
        let axes: ExactAxes
        switch resolved {
        case .gram, .automatic: axes = try gramAxes(data, means: means, k: k)
        case .covariance: axes = try covarianceAxes(data, k: k)
        case let .randomized(options): axes = try randomizedAxes(data, means: means, k: k, options: options)
        }
        var rows = axes.vectors
        orthonormalizeRows(&rows, count: k, length: d)
        fixSigns(&rows, count: k, length: d)
        mean = means.map { Float($0) }
        components = Matrix(rows: k, columns: d, elements: rows.map { Float($0) })
        explainedVariance = axes.variances
        self.method = resolved
        iterations = axes.iterations
    }

    /// Projects samples onto the axes: (x − mean)·componentsᵀ, N×k.
    /// - Precondition: `data.columns` equals the training dimension.
    /// - Complexity: O(N·D·k) through the GEMM kernel.
    public func transform(_ data: Matrix<Float>) -> Matrix<Float> {
        precondition(data.columns == mean.count, "data has \(data.columns) columns, PCA was fitted on \(mean.count)")
        return Matrix.product(centred(data, by: mean), components, transposeB: true)
    }
}

/// Axes found by one route: k rows of length D, their variances, and the iteration count.
struct ExactAxes {
    var vectors: [Double]
    var variances: [Double]
    var iterations: Int
}

/// `data` minus `mean` in every row, computed in `Double` and rounded once.
/// - Complexity: O(N·D).
func centred(_ data: Matrix<Float>, by mean: [Float]) -> Matrix<Float> {
    var out = data
    let d = data.columns
    out.elements.withUnsafeMutableBufferPointer { x in
        for i in 0..<data.rows {
            for j in 0..<d { x[i * d + j] -= mean[j] }
        }
    }
    return out
}

/// `data` minus `mean` in every row, in `Double`.
func centredDouble(_ data: Matrix<Float>, by mean: [Double]) -> Matrix<Double> {
    var out = Matrix<Double>(data)
    let d = data.columns
    out.elements.withUnsafeMutableBufferPointer { x in
        for i in 0..<data.rows {
            for j in 0..<d { x[i * d + j] -= mean[j] }
        }
    }
    return out
}

/// Makes the largest-magnitude entry of each row positive.
private func fixSigns(_ rows: inout [Double], count: Int, length: Int) {
    for i in 0..<count {
        let range = (i * length)..<((i + 1) * length)
        guard let top = range.max(by: { abs(rows[$0]) < abs(rows[$1]) }), rows[top] < 0 else { continue }
        for t in range { rows[t] = -rows[t] }
    }
}
