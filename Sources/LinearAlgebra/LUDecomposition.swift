/// The factorisation P·A = L·U with partial pivoting, for general square solves.
public struct LUDecomposition: Sendable {
    /// L (unit diagonal, below) and U (on and above the diagonal) packed in one matrix.
    public let factors: Matrix<Double>
    /// Row i of P·A is row `permutation[i]` of A.
    public let permutation: [Int]
    /// +1 or −1: the sign of the permutation.
    private let sign: Double

    /// Factorises a square matrix.
    /// - Throws: `LinearAlgebraError.singular` at the first exactly-zero pivot, `.notSquare`, `.nonFinite`.
    /// - Complexity: O(2n³/3).
    public init(_ matrix: Matrix<Double>) throws(LinearAlgebraError) {
        guard matrix.rows == matrix.columns else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        guard matrix.isFinite else { throw .nonFinite }
        let n = matrix.rows
        var a = matrix.elements
        var perm = Array(0..<n)
        var sign = 1.0
        for k in 0..<n {
            var p = k
            for i in (k + 1)..<max(n, k + 1) where abs(a[i * n + k]) > abs(a[p * n + k]) { p = i }
            guard a[p * n + k] != 0 else { throw .singular(column: k) }
            if p != k {
                for j in 0..<n { a.swapAt(p * n + j, k * n + j) }
                perm.swapAt(p, k)
                sign = -sign
            }
            let pivot = a[k * n + k]
            for i in (k + 1)..<max(n, k + 1) {
                let factor = a[i * n + k] / pivot
                a[i * n + k] = factor
                if factor == 0 { continue }
                for j in (k + 1)..<n { a[i * n + j] -= factor * a[k * n + j] }
            }
        }
        factors = Matrix(rows: n, columns: n, elements: a)
        permutation = perm
        self.sign = sign
    }

    /// Solves A·x = b.
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) -> [Double] {
        let n = factors.rows
        precondition(b.count == n, "right-hand side has \(b.count) entries for \(n) rows")
        var y = permutation.map { b[$0] }
        for i in 0..<n {
            for k in 0..<i { y[i] -= factors[i, k] * y[k] }
        }
        return solveUpperTriangular(factors, y)
    }

    /// The determinant of A.
    /// - Complexity: O(n).
    public var determinant: Double {
        (0..<factors.rows).reduce(sign) { $0 * factors[$1, $1] }
    }
}

/// Solves the square system A·x = b by LU with partial pivoting.
/// - Throws: `LinearAlgebraError.singular`, `.notSquare` or `.nonFinite`.
/// - Complexity: O(n³).
public func solve(_ a: Matrix<Double>, _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    guard b.count == a.rows else { throw .dimensionMismatch(expected: a.rows, actual: b.count) }
    return try LUDecomposition(a).solve(b)
}
