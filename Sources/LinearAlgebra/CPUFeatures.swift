import CKernels
import Foundation

/// What the CPU offers the hot kernels, asked once per process.
enum CPUFeatures {
    /// The CPU runs AVX2 and FMA instructions (x86-64 only), whatever the environment says.
    static let hasAVX2FMA: Bool = tk_cpu_has_avx2_fma() != 0

    /// Float products take the AVX2/FMA kernel: the CPU has both, and `THRESHOLDKIT_GEMM` is not
    /// `portable` (which forces the Swift kernel, e.g. to compare the two in a benchmark).
    static let wideFloatKernel: Bool = hasAVX2FMA && ProcessInfo.processInfo.environment["THRESHOLDKIT_GEMM"] != "portable"
}
