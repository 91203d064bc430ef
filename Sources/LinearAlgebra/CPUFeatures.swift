import CKernels
import Foundation

/// What the CPU offers the hot kernels, asked once per process.
enum CPUFeatures {
    /// The AVX2/FMA float kernel runs here: the CPU has both, and `THRESHOLDKIT_GEMM` is not
    /// `portable` (which forces the Swift kernel, e.g. to compare the two in a benchmark).
    static let wideFloatKernel: Bool =
        tk_cpu_has_avx2_fma() != 0 && ProcessInfo.processInfo.environment["THRESHOLDKIT_GEMM"] != "portable"
}
