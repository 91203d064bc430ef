import Foundation

/// The Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix.
public struct Cholesky: Sendable, Hashable {
    /// The lower-triangular factor L (zeros above the diagonal).
    public let lower: Matrix<Double>

    /// Factorises a symmetric matrix; only its lower triangle is read.
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` naming the first failing pivot,
    ///   `.notSquare`, or `.nonFinite`.
    /// - Complexity: O(n³/3).
    public init(_ matrix: Matrix<Double>) throws(LinearAlgebraError) {
        guard matrix.rows == matrix.columns else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        guard matrix.isFinite else { throw .nonFinite }
        let n = matrix.rows
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var diagonal = matrix[j, j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            // A zero pivot is singular, and a tiny one only rounding away from it; both fail.
            guard diagonal > 0, diagonal.isFinite else { throw .notPositiveDefinite(pivot: j, value: diagonal) }
            let pivot = diagonal.squareRoot()
            l[j * n + j] = pivot
            for i in (j + 1)..<max(n, j + 1) {
                var s = matrix[i, j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / pivot
            }
        }
        lower = Matrix(rows: n, columns: n, elements: l)
    }

    /// log |A| = 2 Σ log Lᵢᵢ, without overflow.
    /// - Complexity: O(n).
    public var logDeterminant: Double {
        (0..<lower.rows).reduce(0.0) { $0 + 2 * Foundation.log(lower[$1, $1]) }
    }

    /// Solves A·x = b.
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) -> [Double] {
        solveUpperTriangular(lower, solveLowerTriangular(lower, b), transposed: true)
    }
}
