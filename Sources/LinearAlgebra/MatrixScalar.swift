/// The element types a `Matrix` can hold: `Float` for large feature data, `Double` for small dense solves.
///
/// Each conformer supplies a GEMM specialised for its SIMD width, so generic
/// code in this module dispatches once per product rather than per element.
public protocol MatrixScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Hashable, Codable {
    /// C ← A·B (`accumulate == false`) or C ← C + A·B, on raw strided operands.
    ///
    /// Implementation detail of `Matrix.product`; call that instead.
    static func _gemm(_ a: StridedOperand<Self>, _ b: StridedOperand<Self>, into c: UnsafeMutablePointer<Self>,
                      m: Int, n: Int, k: Int, ldc: Int, accumulate: Bool)
}

/// A read-only view of a matrix as a base pointer and row/column strides.
///
/// Element (i, j) is `base[i * rowStride + j * columnStride]`, so a transpose
/// is a swap of strides and never a copy.
public struct StridedOperand<Scalar>: @unchecked Sendable {
    /// The first element.
    public let base: UnsafePointer<Scalar>
    /// Distance between consecutive rows, in elements.
    public let rowStride: Int
    /// Distance between consecutive columns, in elements.
    public let columnStride: Int

    /// Wraps a pointer and strides.
    public init(base: UnsafePointer<Scalar>, rowStride: Int, columnStride: Int) {
        self.base = base
        self.rowStride = rowStride
        self.columnStride = columnStride
    }

    @inline(__always)
    func element(_ i: Int, _ j: Int) -> Scalar { base[i &* rowStride &+ j &* columnStride] }
}

extension Float: MatrixScalar {
    public static func _gemm(_ a: StridedOperand<Float>, _ b: StridedOperand<Float>, into c: UnsafeMutablePointer<Float>,
                             m: Int, n: Int, k: Int, ldc: Int, accumulate: Bool) {
        GEMM<SIMD8<Float>>.run(a, b, c, m: m, n: n, k: k, ldc: ldc, accumulate: accumulate)
    }
}

extension Double: MatrixScalar {
    public static func _gemm(_ a: StridedOperand<Double>, _ b: StridedOperand<Double>, into c: UnsafeMutablePointer<Double>,
                             m: Int, n: Int, k: Int, ldc: Int, accumulate: Bool) {
        GEMM<SIMD4<Double>>.run(a, b, c, m: m, n: n, k: k, ldc: ldc, accumulate: accumulate)
    }
}
