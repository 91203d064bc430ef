/// Orthonormalises the rows of `vectors` (count×length, row-major) in place, keeping their span and order.
///
/// Cholesky QR twice (CholQR2): G = VVᵀ = LLᵀ, V ← L⁻¹V, repeated once to restore
/// the orthogonality the first pass loses to G's conditioning. It runs on the GEMM
/// kernel, where Gram–Schmidt's dot products would run one scalar at a time. Rank-
/// deficient or badly conditioned rows fall back to `gramSchmidtRows`.
/// - Complexity: O(count² × length).
func orthonormalizeRows(_ vectors: inout [Double], count: Int, length: Int) {
    guard count > 0 else { return }
    var v = Matrix(rows: count, columns: length, elements: vectors)
    for _ in 0..<2 {
        let gram = Matrix.product(v, v, transposeB: true)
        let diagonal = (0..<count).map { gram[$0, $0] }
        // Beyond a condition of ~1e12 the first pass alone cannot recover orthogonality.
        guard let factor = try? Cholesky(gram),
              (0..<count).allSatisfy({ factor.lower[$0, $0] * factor.lower[$0, $0] > 1e-12 * diagonal[$0] })
        else {
            gramSchmidtRows(&vectors, count: count, length: length)
            return
        }
        v = solveLowerTriangular(factor.lower, v)
    }
    vectors = v.elements
}

/// Orthonormalises rows by modified Gram–Schmidt, twice ("twice is enough").
///
/// A row that collapses to (numerically) zero is replaced by the unit vector
/// least represented by the rows before it, so the result always has full rank.
/// - Complexity: O(count² × length).
func gramSchmidtRows(_ vectors: inout [Double], count: Int, length: Int) {
    precondition(count <= length, "cannot have more orthonormal rows than their length")
    vectors.withUnsafeMutableBufferPointer { v in
        for i in 0..<count {
            let row = v.baseAddress! + i * length
            var original = 0.0
            for t in 0..<length { original += row[t] * row[t] }
            for _ in 0..<2 {
                for j in 0..<i {
                    let other = v.baseAddress! + j * length
                    var dot = 0.0
                    for t in 0..<length { dot += row[t] * other[t] }
                    for t in 0..<length { row[t] -= dot * other[t] }
                }
            }
            var norm = 0.0
            for t in 0..<length { norm += row[t] * row[t] }
            if norm <= 1e-28 * max(original, 1e-300) || norm == 0 {
                replaceWithComplement(v.baseAddress!, row: i, length: length)
                continue
            }
            let scale = 1 / norm.squareRoot()
            for t in 0..<length { row[t] *= scale }
        }
    }
}

/// Fills row `i` with a unit vector orthogonal to rows 0..<i.
private func replaceWithComplement(_ v: UnsafeMutablePointer<Double>, row i: Int, length: Int) {
    let row = v + i * length
    // The coordinate axis with the smallest squared weight in the earlier rows.
    var weight = [Double](repeating: 0, count: length)
    for j in 0..<i {
        for t in 0..<length { weight[t] += (v + j * length)[t] * (v + j * length)[t] }
    }
    let axis = weight.indices.min { weight[$0] < weight[$1] } ?? 0
    for t in 0..<length { row[t] = t == axis ? 1 : 0 }
    for _ in 0..<2 {
        for j in 0..<i {
            let other = v + j * length
            var dot = 0.0
            for t in 0..<length { dot += row[t] * other[t] }
            for t in 0..<length { row[t] -= dot * other[t] }
        }
    }
    var norm = 0.0
    for t in 0..<length { norm += row[t] * row[t] }
    let scale = 1 / norm.squareRoot()
    for t in 0..<length { row[t] *= scale }
}
