import Testing
@testable import LinearAlgebra

/// The AVX2/FMA kernel and the portable Swift kernel compute the same products.
struct GEMMDispatchTests {
    static func product(_ a: Matrix<Float>, _ b: Matrix<Float>, wide: Bool) -> [Float] {
        var c = [Float](repeating: .nan, count: a.rows * b.columns)
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    GEMM<SIMD8<Float>>.run(StridedOperand(base: pa.baseAddress!, rowStride: a.columns, columnStride: 1),
                                           StridedOperand(base: pb.baseAddress!, rowStride: b.columns, columnStride: 1),
                                           pc.baseAddress!, m: a.rows, n: b.columns, k: a.columns, ldc: b.columns,
                                           accumulate: false, allowWide: wide)
                }
            }
        }
        return c
    }

    /// Shapes with full 4×16 tiles, ragged edges on both sides, several k-blocks and the direct-A route (≤ 8 strips).
    @Test(arguments: [(4, 16, 5), (8, 32, 256), (13, 40, 300), (130, 48, 513), (7, 17, 9), (64, 200, 70)])
    func bothKernelsMatchTheNaiveProduct(m: Int, n: Int, k: Int) {
        let a: Matrix<Float> = TestMatrices.gaussian(m, k, seed: UInt64(m + 3 * k))
        let b: Matrix<Float> = TestMatrices.gaussian(k, n, seed: UInt64(n + 5 * k))
        let reference = TestMatrices.naiveProduct(a, b, transposeA: false, transposeB: false)
        for wide in [false, true] {
            let c = Self.product(a, b, wide: wide)
            var worst = 0.0
            for i in 0..<(m * n) { worst = max(worst, abs(Double(c[i]) - reference.elements[i])) }
            #expect(worst < 1e-5 * Double(k) + 1e-6, "m=\(m) n=\(n) k=\(k) wide=\(wide)")
        }
    }

    @Test func dispatchFollowsTheCPU() {
        // Only Float products in 8-wide strips may take the C kernel; Double never does.
        #expect(!GEMM<SIMD4<Double>>.usesWideKernel)
        #expect(GEMM<SIMD8<Float>>.usesWideKernel == CPUFeatures.wideFloatKernel)
    }
}
