/// Top-k axes from the eigen-decomposition of the N×N Gram matrix XcXcᵀ (exact route for N < D).
///
/// With XcXcᵀ = U Λ Uᵀ, the right-singular vectors are vᵢ = Xcᵀuᵢ/√λᵢ. All in `Double`.
/// - Complexity: O(N²·D + N³).
func gramAxes(_ data: Matrix<Float>, means: [Double], k: Int) throws(LinearAlgebraError) -> ExactAxes {
    let xc = centredDouble(data, by: means)
    let gram = Matrix.product(xc, xc, transposeB: true)
    let eigen = try SymmetricEigen(gram)
    let n = data.rows
    // Rows of U for the top k, then V = U_k·Xc (k×D); each row divided by √λ.
    let uk = Matrix(rows: k, columns: n, elements: Array(eigen.vectors.elements[0..<(k * n)]))
    var v = Matrix.product(uk, xc)
    let d = data.columns
    for i in 0..<k {
        let lambda = eigen.values[i]
        // A zero singular value leaves the axis undetermined; orthonormalisation completes it.
        let scale = lambda > 0 ? 1 / lambda.squareRoot() : 0
        for t in 0..<d { v.elements[i * d + t] *= scale }
    }
    let variances = eigen.values[0..<k].map { max($0, 0) / Double(n - 1) }
    return ExactAxes(vectors: v.elements, variances: variances, iterations: 0)
}

/// Top-k axes from the eigen-decomposition of the D×D covariance (exact route for moderate D).
/// - Complexity: O(N·D² + D³).
func covarianceAxes(_ data: Matrix<Float>, k: Int) throws(LinearAlgebraError) -> ExactAxes {
    let eigen = try SymmetricEigen(covariance(data))
    let d = data.columns
    let variances = eigen.values[0..<k].map { max($0, 0) }
    return ExactAxes(vectors: Array(eigen.vectors.elements[0..<(k * d)]), variances: variances, iterations: 0)
}
