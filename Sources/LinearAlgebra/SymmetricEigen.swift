import Foundation

/// The eigen-decomposition A = V Λ Vᵀ of a real symmetric matrix, largest eigenvalue first.
///
/// Householder tridiagonalisation followed by the implicit QL algorithm with
/// Wilkinson shifts (the EISPACK tred2/tql2 pair), in `Double`. The
/// transformation is held transposed so every O(n³) loop walks memory
/// contiguously in the row-major layout.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in descending order.
    public let values: [Double]
    /// Unit eigenvectors, one per **row**: row i belongs to `values[i]`.
    public let vectors: Matrix<Double>

    /// Decomposes a symmetric matrix; only its lower triangle is read.
    /// - Throws: `LinearAlgebraError.notSquare` or `.nonFinite`.
    /// - Complexity: O(n³); about 4n³ flops for the vectors.
    public init(_ matrix: Matrix<Double>) throws(LinearAlgebraError) {
        guard matrix.rows == matrix.columns else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        guard matrix.isFinite else { throw .nonFinite }
        let n = matrix.rows
        guard n > 0 else {
            values = []
            vectors = Matrix(rows: 0, columns: 0)
            return
        }
        // w holds Vᵀ: w[j*n + k] is V[k][j]. Start from the symmetric matrix (lower triangle mirrored).
        var w = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                w[i * n + j] = matrix[i, j]
                w[j * n + i] = matrix[i, j]
            }
        }
        var d = [Double](repeating: 0, count: n)
        var e = [Double](repeating: 0, count: n)
        w.withUnsafeMutableBufferPointer { wp in
            d.withUnsafeMutableBufferPointer { dp in
                e.withUnsafeMutableBufferPointer { ep in
                    Self.tridiagonalize(n, wp.baseAddress!, dp.baseAddress!, ep.baseAddress!)
                    Self.diagonalize(n, wp.baseAddress!, dp.baseAddress!, ep.baseAddress!)
                }
            }
        }
        let order = (0..<n).sorted { d[$0] > d[$1] }
        values = order.map { d[$0] }
        var rows = [Double](repeating: 0, count: n * n)
        for (r, j) in order.enumerated() {
            for k in 0..<n { rows[r * n + k] = w[j * n + k] }
        }
        vectors = Matrix(rows: n, columns: n, elements: rows)
    }

    /// Householder reduction to tridiagonal form (tred2), accumulating the transformation in w = Vᵀ.
    private static func tridiagonalize(_ n: Int, _ w: UnsafeMutablePointer<Double>,
                                       _ d: UnsafeMutablePointer<Double>, _ e: UnsafeMutablePointer<Double>) {
        @inline(__always) func v(_ k: Int, _ j: Int) -> UnsafeMutablePointer<Double> { w + j * n + k }
        for j in 0..<n { d[j] = v(n - 1, j).pointee }
        var i = n - 1
        while i > 0 {
            var scale = 0.0
            var h = 0.0
            for k in 0..<i { scale += abs(d[k]) }
            if scale == 0 {
                e[i] = d[i - 1]
                for j in 0..<i {
                    d[j] = v(i - 1, j).pointee
                    v(i, j).pointee = 0
                    v(j, i).pointee = 0
                }
            } else {
                for k in 0..<i {
                    d[k] /= scale
                    h += d[k] * d[k]
                }
                var f = d[i - 1]
                var g = h.squareRoot()
                if f > 0 { g = -g }
                e[i] = scale * g
                h -= f * g
                d[i - 1] = f - g
                for j in 0..<i { e[j] = 0 }
                for j in 0..<i {
                    f = d[j]
                    v(j, i).pointee = f
                    g = e[j] + v(j, j).pointee * f
                    let col = w + j * n
                    if j + 1 <= i - 1 {
                        for k in (j + 1)...(i - 1) {
                            g += col[k] * d[k]
                            e[k] += col[k] * f
                        }
                    }
                    e[j] = g
                }
                f = 0
                for j in 0..<i {
                    e[j] /= h
                    f += e[j] * d[j]
                }
                let hh = f / (h + h)
                for j in 0..<i { e[j] -= hh * d[j] }
                for j in 0..<i {
                    f = d[j]
                    g = e[j]
                    let col = w + j * n
                    for k in j..<i { col[k] -= f * e[k] + g * d[k] }
                    d[j] = v(i - 1, j).pointee
                    v(i, j).pointee = 0
                }
            }
            d[i] = h
            i -= 1
        }
        for i in 0..<(n - 1) {
            v(n - 1, i).pointee = v(i, i).pointee
            v(i, i).pointee = 1
            let h = d[i + 1]
            let next = w + (i + 1) * n
            if h != 0 {
                for k in 0...i { d[k] = next[k] / h }
                for j in 0...i {
                    let col = w + j * n
                    var g = 0.0
                    for k in 0...i { g += next[k] * col[k] }
                    for k in 0...i { col[k] -= g * d[k] }
                }
            }
            for k in 0...i { next[k] = 0 }
        }
        for j in 0..<n {
            d[j] = v(n - 1, j).pointee
            v(n - 1, j).pointee = 0
        }
        v(n - 1, n - 1).pointee = 1
        e[0] = 0
    }

    /// Implicit QL with shifts on the tridiagonal (d, e), applying the rotations to w = Vᵀ (tql2).
    private static func diagonalize(_ n: Int, _ w: UnsafeMutablePointer<Double>,
                                    _ d: UnsafeMutablePointer<Double>, _ e: UnsafeMutablePointer<Double>) {
        for i in 1..<max(n, 1) { e[i - 1] = e[i] }
        e[n - 1] = 0
        var f = 0.0
        var tst1 = 0.0
        let eps = Double.ulpOfOne
        for l in 0..<n {
            tst1 = max(tst1, abs(d[l]) + abs(e[l]))
            var m = l
            while m < n - 1 {
                if abs(e[m]) <= eps * tst1 { break }
                m += 1
            }
            if m > l {
                var iterations = 0
                repeat {
                    iterations += 1
                    var g = d[l]
                    var p = (d[l + 1] - g) / (2 * e[l])
                    var r = hypot(p, 1)
                    if p < 0 { r = -r }
                    d[l] = e[l] / (p + r)
                    d[l + 1] = e[l] * (p + r)
                    let dl1 = d[l + 1]
                    var h = g - d[l]
                    if l + 2 < n { for i in (l + 2)..<n { d[i] -= h } }
                    f += h
                    p = d[m]
                    var c = 1.0, c2 = 1.0, c3 = 1.0
                    let el1 = e[l + 1]
                    var s = 0.0, s2 = 0.0
                    var i = m - 1
                    while i >= l {
                        c3 = c2
                        c2 = c
                        s2 = s
                        g = c * e[i]
                        h = c * p
                        r = hypot(p, e[i])
                        e[i + 1] = s * r
                        s = e[i] / r
                        c = p / r
                        p = c * d[i] - s * g
                        d[i + 1] = h + s * (c * g + s * d[i])
                        let lo = w + i * n
                        let hi = w + (i + 1) * n
                        for k in 0..<n {
                            let t = hi[k]
                            hi[k] = s * lo[k] + c * t
                            lo[k] = c * lo[k] - s * t
                        }
                        i -= 1
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1
                    e[l] = s * p
                    d[l] = c * p
                } while abs(e[l]) > eps * tst1 && iterations < 60
            }
            d[l] += f
            e[l] = 0
        }
    }
}
