import LinearAlgebra

// Every matrix product of the neural-network layers goes through this one
// function, so the choice of kernel is a one-file decision: LinearAlgebra's packed
// two-core GEMM, which reads transposed operands through strides instead of
// copying them.

/// C ← op(A)·op(B), or C ← C + op(A)·op(B) when `accumulate` is true; all row-major.
///
/// op(A) is m×k and op(B) is k×n. A is stored m×k, or k×m when `transposeA`;
/// B is stored k×n, or n×k when `transposeB`; C is stored m×n.
/// Each element of C is summed in a fixed order, so results do not depend on scheduling.
/// - Complexity: O(m·n·k).
func nnMatmul(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false
) {
    let opA = transposeA
        ? StridedOperand(base: a, rowStride: 1, columnStride: m)
        : StridedOperand(base: a, rowStride: k, columnStride: 1)
    let opB = transposeB
        ? StridedOperand(base: b, rowStride: 1, columnStride: k)
        : StridedOperand(base: b, rowStride: n, columnStride: 1)
    Float._gemm(opA, opB, into: c, m: m, n: n, k: k, ldc: n, accumulate: accumulate)
}

/// op(A)·op(B) for whole arrays, as a new m×n array (see the pointer version for layouts).
/// - Complexity: O(m·n·k).
func nnMatmul(
    _ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false
) -> [Float] {
    precondition(a.count == m * k && b.count == k * n, "operand sizes do not match \(m)×\(k) · \(k)×\(n)")
    var c = [Float](repeating: 0, count: m * n)
    a.withUnsafeBufferPointer { ap in
        b.withUnsafeBufferPointer { bp in
            c.withUnsafeMutableBufferPointer { cp in
                guard let aBase = ap.baseAddress, let bBase = bp.baseAddress, let cBase = cp.baseAddress else { return }
                nnMatmul(aBase, bBase, into: cBase, m: m, n: n, k: k,
                         transposeA: transposeA, transposeB: transposeB)
            }
        }
    }
    return c
}
