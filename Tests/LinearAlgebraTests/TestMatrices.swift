import LinearAlgebra
import Randomness

/// Seeded random matrices and a naive reference product for the tests.
enum TestMatrices {
    static func gaussian<S: MatrixScalar>(_ rows: Int, _ columns: Int, seed: UInt64, as: S.Type = S.self) -> Matrix<S> {
        var g = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in S(g.nextGaussian()) })
    }

    /// op(A)·op(B) by the textbook triple loop, accumulated in Double.
    static func naiveProduct<S: MatrixScalar>(_ a: Matrix<S>, _ b: Matrix<S>, transposeA: Bool, transposeB: Bool) -> Matrix<Double> {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        var c = Matrix<Double>(rows: m, columns: n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let x = transposeA ? a[p, i] : a[i, p]
                    let y = transposeB ? b[j, p] : b[p, j]
                    s += Double(x) * Double(y)
                }
                c[i, j] = s
            }
        }
        return c
    }

    /// A symmetric matrix with the given eigenvalues and a seeded random orthonormal basis.
    static func symmetric(eigenvalues: [Double], seed: UInt64) -> Matrix<Double> {
        let n = eigenvalues.count
        let q = orthonormalBasis(n, seed: seed)
        var a = Matrix<Double>(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0..<n { s += q[k, i] * eigenvalues[k] * q[k, j] }
                a[i, j] = s
            }
        }
        return a
    }

    /// n orthonormal rows from Gram–Schmidt on Gaussian vectors.
    static func orthonormalBasis(_ n: Int, seed: UInt64) -> Matrix<Double> {
        var q = gaussian(n, n, seed: seed, as: Double.self)
        for i in 0..<n {
            for j in 0..<i {
                var dot = 0.0
                for k in 0..<n { dot += q[i, k] * q[j, k] }
                for k in 0..<n { q[i, k] -= dot * q[j, k] }
            }
            var norm = 0.0
            for k in 0..<n { norm += q[i, k] * q[i, k] }
            norm = norm.squareRoot()
            for k in 0..<n { q[i, k] /= norm }
        }
        return q
    }
}
