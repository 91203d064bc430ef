/// Solves L·x = b by forward substitution, L lower-triangular with a non-zero diagonal.
/// - Complexity: O(n²).
public func solveLowerTriangular(_ l: Matrix<Double>, _ b: [Double]) -> [Double] {
    let n = l.rows
    precondition(l.columns == n && b.count == n, "solveLowerTriangular: size mismatch")
    var x = b
    l.elements.withUnsafeBufferPointer { lp in
        for i in 0..<n {
            var s = x[i]
            let row = i * n
            for k in 0..<i { s -= lp[row + k] * x[k] }
            x[i] = s / lp[row + i]
        }
    }
    return x
}

/// Solves U·x = b by back substitution, or Lᵀ·x = b when `transposed` and `u` is lower-triangular.
/// - Complexity: O(n²).
public func solveUpperTriangular(_ u: Matrix<Double>, _ b: [Double], transposed: Bool = false) -> [Double] {
    let n = u.rows
    var x = b
    precondition(u.columns == n && x.count == n, "solveUpperTriangular: size mismatch")
    u.elements.withUnsafeBufferPointer { up in
        var i = n - 1
        while i >= 0 {
            var s = x[i]
            if transposed {
                for k in (i + 1)..<max(n, i + 1) { s -= up[k * n + i] * x[k] }
            } else {
                for k in (i + 1)..<max(n, i + 1) { s -= up[i * n + k] * x[k] }
            }
            x[i] = s / up[i * n + i]
            i -= 1
        }
    }
    return x
}

/// Solves L·X = B column by column, for lower-triangular L and a matrix right-hand side.
/// - Complexity: O(n²·m) for an n×m B.
public func solveLowerTriangular(_ l: Matrix<Double>, _ b: Matrix<Double>) -> Matrix<Double> {
    let n = l.rows
    precondition(l.columns == n && b.rows == n, "solveLowerTriangular: size mismatch")
    var x = b
    let m = b.columns
    // Row operations (axpy over whole rows of X) vectorise, unlike column-wise dot products.
    x.elements.withUnsafeMutableBufferPointer { xp in
        l.elements.withUnsafeBufferPointer { lp in
            for i in 0..<n {
                let row = xp.baseAddress! + i * m
                for k in 0..<i {
                    let lik = lp[i * n + k]
                    if lik == 0 { continue }
                    let other = xp.baseAddress! + k * m
                    for j in 0..<m { row[j] -= lik * other[j] }
                }
                let inverse = 1 / lp[i * n + i]
                for j in 0..<m { row[j] *= inverse }
            }
        }
    }
    return x
}
