import Dispatch
import LinearAlgebra

// Every matrix product of the neural-network layers goes through this one
// function, so the choice of kernel is a one-file decision. Release builds use
// LinearAlgebra's packed two-core GEMM, which reads transposed operands through
// strides instead of copying them.

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
    #if DEBUG
    // The GEMM is generic over SIMD vectors, which unoptimised builds do not specialise:
    // there it runs at about 40 MFLOP/s, thirty times slower than a plain loop. Debug builds
    // (the test suite) send large products through the loop; small ones still take the
    // GEMM, so tests exercise both.
    if m * n * k > debugLoopThreshold {
        plainMatmul(a, b, into: c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                    accumulate: accumulate)
        return
    }
    #endif
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

/// Products with more multiply-adds than this take the plain loop in debug builds.
let debugLoopThreshold = 1 << 16

/// The same product as `nnMatmul` by a plain i-k-j loop: transposed operands are copied into
/// row-major order, then each task owns four rows of C and streams rows of B through them.
/// - Complexity: O(m·n·k).
func plainMatmul(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, accumulate: Bool
) {
    guard m > 0, n > 0 else { return }
    if !accumulate { c.update(repeating: 0, count: m * n) }
    guard k > 0 else { return }
    let aCopy = transposeA ? transposedCopy(a, rows: k, columns: m) : nil
    let bCopy = transposeB ? transposedCopy(b, rows: n, columns: k) : nil
    defer { aCopy?.deallocate(); bCopy?.deallocate() }
    let left = SendablePointer(aCopy ?? UnsafeMutablePointer(mutating: a))
    let right = SendablePointer(bCopy ?? UnsafeMutablePointer(mutating: b))
    let out = SendablePointer(c)
    DispatchQueue.concurrentPerform(iterations: (m + 3) / 4) { group in
        let (a, b, c) = (left.pointer, right.pointer, out.pointer)
        for i in (group * 4)..<min(m, group * 4 + 4) {
            let row = c + i * n
            for p in 0..<k {
                let aip = a[i * k + p]
                let bp = b + p * n
                for j in 0..<n { row[j] += aip * bp[j] }
            }
        }
    }
}

/// A freshly allocated row-major copy of the transpose of a rows×columns matrix.
private func transposedCopy(_ x: UnsafePointer<Float>, rows: Int, columns: Int) -> UnsafeMutablePointer<Float> {
    let out = UnsafeMutablePointer<Float>.allocate(capacity: rows * columns)
    for i in 0..<rows {
        for j in 0..<columns { out[j * rows + i] = x[i * columns + j] }
    }
    return out
}

/// A pointer handed to parallel tasks that write disjoint rows of what it points to.
private struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(_ pointer: UnsafeMutablePointer<Float>) { self.pointer = pointer }
}
