// Unoptimised (-Onone) builds run SIMD arithmetic through generic witness calls,
// about 60× slower than plain scalar code, which would make `swift test` take
// minutes. Debug builds therefore swap only the innermost micro-kernel for a
// scalar one; packing, tiling, edge handling and the two-core split stay the
// same. The release SIMD kernel is checked against a naive product by
// `ScoringBenchmarks` at start-up.
#if DEBUG
extension GEMM {
    /// The scalar stand-in for `microKernel` in debug builds, same contract.
    @inline(__always)
    static func scalarMicroKernel(_ kb: Int, _ a: UnsafePointer<T>, rowStep: Int, kStep: Int, _ b: UnsafePointer<T>,
                                  _ c: UnsafeMutablePointer<T>, ldc: Int, mValid: Int, nValid: Int, beta: Bool) {
        if T.self == Float.self {
            scalarTile(kb, UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), rowStep, kStep,
                       UnsafeRawPointer(b).assumingMemoryBound(to: Float.self),
                       UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), ldc, mValid, nValid, nr, beta)
        } else {
            scalarTile(kb, UnsafeRawPointer(a).assumingMemoryBound(to: Double.self), rowStep, kStep,
                       UnsafeRawPointer(b).assumingMemoryBound(to: Double.self),
                       UnsafeMutableRawPointer(c).assumingMemoryBound(to: Double.self), ldc, mValid, nValid, nr, beta)
        }
    }
}

private func scalarTile(_ kb: Int, _ a: UnsafePointer<Float>, _ rowStep: Int, _ kStep: Int, _ b: UnsafePointer<Float>,
                        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ mValid: Int, _ nValid: Int, _ nr: Int, _ beta: Bool) {
    for r in 0..<mValid {
        for j in 0..<nValid {
            var s: Float = 0
            for p in 0..<kb { s += a[r * rowStep + p * kStep] * b[p * nr + j] }
            c[r * ldc + j] = beta ? c[r * ldc + j] + s : s
        }
    }
}

private func scalarTile(_ kb: Int, _ a: UnsafePointer<Double>, _ rowStep: Int, _ kStep: Int, _ b: UnsafePointer<Double>,
                        _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ mValid: Int, _ nValid: Int, _ nr: Int, _ beta: Bool) {
    for r in 0..<mValid {
        for j in 0..<nValid {
            var s: Double = 0
            for p in 0..<kb { s += a[r * rowStep + p * kStep] * b[p * nr + j] }
            c[r * ldc + j] = beta ? c[r * ldc + j] + s : s
        }
    }
}
#endif
