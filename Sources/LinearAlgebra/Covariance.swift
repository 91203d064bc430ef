/// The mean of each column, accumulated in `Double`.
/// - Complexity: O(rows × columns).
public func columnMeans(_ data: Matrix<Float>) -> [Double] {
    var sums = [Double](repeating: 0, count: data.columns)
    let d = data.columns
    data.elements.withUnsafeBufferPointer { x in
        for i in 0..<data.rows {
            for j in 0..<d { sums[j] += Double(x[i * d + j]) }
        }
    }
    let n = Double(max(data.rows, 1))
    return sums.map { $0 / n }
}

/// The mean of each column.
/// - Complexity: O(rows × columns).
public func columnMeans(_ data: Matrix<Double>) -> [Double] {
    var sums = [Double](repeating: 0, count: data.columns)
    let d = data.columns
    for i in 0..<data.rows {
        for j in 0..<d { sums[j] += data.elements[i * d + j] }
    }
    let n = Double(max(data.rows, 1))
    return sums.map { $0 / n }
}

/// The unbiased sample covariance XcᵀXc/(n−1) of the rows, in `Double`.
///
/// The data are centred in `Double` first, so a large common offset costs no precision.
/// - Precondition: at least two rows.
/// - Complexity: O(n·d²) through the GEMM kernel.
public func covariance(_ data: Matrix<Float>) -> Matrix<Double> {
    covariance(Matrix<Double>(data))
}

/// The unbiased sample covariance XcᵀXc/(n−1) of the rows.
/// - Precondition: at least two rows.
/// - Complexity: O(n·d²) through the GEMM kernel.
public func covariance(_ data: Matrix<Double>) -> Matrix<Double> {
    precondition(data.rows >= 2, "covariance needs at least two rows")
    let mean = columnMeans(data)
    var centred = data
    let d = data.columns
    for i in 0..<data.rows {
        for j in 0..<d { centred.elements[i * d + j] -= mean[j] }
    }
    var c = Matrix.product(centred, centred, transposeA: true)
    let scale = 1 / Double(data.rows - 1)
    // Symmetrise exactly: the two triangles come from different summation orders.
    for i in 0..<d {
        for j in 0...i {
            let v = 0.5 * (c[i, j] + c[j, i]) * scale
            c[i, j] = v
            c[j, i] = v
        }
    }
    return c
}
