extension Matrix {
    /// The product op(A)·op(B), where op transposes when asked, without copying either operand.
    ///
    /// Runs the packed GEMM kernel over both cores when the product is large enough to pay for it.
    /// - Parameters:
    ///   - a: the left factor; op(A) must be m×k.
    ///   - b: the right factor; op(B) must be k×n.
    ///   - transposeA: use Aᵀ instead of A.
    ///   - transposeB: use Bᵀ instead of B.
    /// - Returns: the m×n product.
    /// - Complexity: O(m·n·k).
    public static func product(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        let (m, ka) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(ka == kb, "inner dimensions differ: \(m)×\(ka) times \(kb)×\(n)")
        var c = [Scalar](repeating: 0, count: m * n)
        a.elements.withUnsafeBufferPointer { ap in
            b.elements.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let aBase = ap.baseAddress, let bBase = bp.baseAddress, let cBase = cp.baseAddress else { return }
                    let opA = transposeA
                        ? StridedOperand(base: aBase, rowStride: 1, columnStride: a.columns)
                        : StridedOperand(base: aBase, rowStride: a.columns, columnStride: 1)
                    let opB = transposeB
                        ? StridedOperand(base: bBase, rowStride: 1, columnStride: b.columns)
                        : StridedOperand(base: bBase, rowStride: b.columns, columnStride: 1)
                    Scalar._gemm(opA, opB, into: cBase, m: m, n: n, k: ka, ldc: n, accumulate: false)
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: c)
    }

    /// The matrix product A·B.
    /// - Complexity: O(m·n·k).
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix { product(lhs, rhs) }

    /// The matrix–vector product A·x.
    /// - Complexity: O(rows × columns).
    public func multiplied(by x: [Scalar]) -> [Scalar] {
        precondition(x.count == columns, "vector has \(x.count) entries for \(columns) columns")
        var y = [Scalar](repeating: 0, count: rows)
        for i in 0..<rows {
            var s: Scalar = 0
            for j in 0..<columns { s += elements[i * columns + j] * x[j] }
            y[i] = s
        }
        return y
    }
}
