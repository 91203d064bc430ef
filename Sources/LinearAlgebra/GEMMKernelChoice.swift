/// The float matrix-product kernels that ship, and which one this process runs.
public enum FloatGEMMKernel: String, Sendable, CaseIterable {
    /// The 6×16 AVX2/FMA micro-kernel in C (`WideFloatGEMM`): x86-64 CPUs that have both.
    case avx2FMA = "avx2-fma"
    /// The portable Swift SIMD kernel (`GEMM`): every other CPU, arm64, and `THRESHOLDKIT_GEMM=portable`.
    case portable

    /// The kernel `Matrix.product` and `Float._gemm` use in this process, chosen once from the CPU and
    /// `THRESHOLDKIT_GEMM`. Products on the two differ in the last bits (fused multiply-adds).
    public static var active: FloatGEMMKernel { CPUFeatures.wideFloatKernel ? .avx2FMA : .portable }

    /// Whether this CPU can run the kernel at all.
    var isAvailable: Bool { self == .portable || CPUFeatures.hasAVX2FMA }
}
