#ifndef THRESHOLDKIT_CKERNELS_H
#define THRESHOLDKIT_CKERNELS_H

// One hot kernel in C, because Swift on the baseline x86-64 target cannot use AVX2/FMA
// without unsafeFlags. Callers ask `tk_cpu_has_avx2_fma` once and fall back to the
// portable Swift kernel when it returns 0 (other CPUs, other architectures).

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when this CPU runs AVX2 and FMA instructions (x86-64 only), else 0.
int tk_cpu_has_avx2_fma(void);

/// C[0..4, 0..16] = (beta ? C : 0) + A · [B0 | B1].
///
/// A is a 4-row strip whose element (r, p) is a[r * row_step + p * k_step]; B0 and B1 are
/// two packed k-major strips of 8 columns each (element (p, j) at b[p * 8 + j]); C is
/// row-major with leading dimension ldc. Only call it when `tk_cpu_has_avx2_fma()` is 1.
void tk_sgemm_4x16(long kb, const float *a, long row_step, long k_step,
                   const float *b0, const float *b1, float *c, long ldc, int beta);

#ifdef __cplusplus
}
#endif

#endif
