#ifndef THRESHOLDKIT_CKERNELS_H
#define THRESHOLDKIT_CKERNELS_H

// The float GEMM's AVX2/FMA micro-kernel and its packing, in C because Swift on the baseline
// x86-64 target cannot use AVX2/FMA without unsafeFlags. Callers ask `tk_cpu_has_avx2_fma`
// once and fall back to the portable Swift kernel when it returns 0 (other CPUs, other
// architectures).

#ifdef __cplusplus
extern "C" {
#endif

/// The deepest k-block `tk_sgemm_6x16_block` accepts.
#define TK_SGEMM_KC_MAX 512

/// 1 when this CPU runs AVX2 and FMA instructions (x86-64 only), else 0.
int tk_cpu_has_avx2_fma(void);

/// Packs an mb×kb block of A (element (i, p) at a[i * rs + p * cs]) into ⌈mb/6⌉ strips of
/// 6 rows, each k-major (element (r, p) of strip s at dst[s * 6 * kb + p * 6 + r]), the rows
/// past mb zero. dst holds ⌈mb/6⌉ · 6 · kb floats.
void tk_sgemm_pack_a6(long mb, long kb, const float *a, long rs, long cs, float *dst);

/// Packs a kb×nb block of B (element (p, j) at b[p * rs + j * cs]) into ⌈nb/16⌉ strips of
/// 16 columns, each k-major (element (p, c) of strip s at dst[s * 16 * kb + p * 16 + c]), the
/// columns past nb zero. dst holds ⌈nb/16⌉ · 16 · kb floats.
void tk_sgemm_pack_b16(long kb, long nb, const float *b, long rs, long cs, float *dst);

/// C[0..mb, 0..nb] = (beta ? C : 0) + A · B for one cache block, in 6×16 tiles with AVX2/FMA.
///
/// A is mb×kb: packed by `tk_sgemm_pack_a6` when `a_packed` is 1, otherwise read in place,
/// element (i, p) at a[i * a_rs + p * a_cs]. B is kb×nb: packed by `tk_sgemm_pack_b16` when
/// `b_packed` is 1, otherwise read in place, element (p, j) at b[p * b_rs + j]. Ragged strips
/// of operands read in place are copied with zero padding first. C is row-major with leading
/// dimension ldc. kb ≤ TK_SGEMM_KC_MAX. Only call it when `tk_cpu_has_avx2_fma()` is 1.
void tk_sgemm_6x16_block(long mb, long nb, long kb, const float *a, long a_rs, long a_cs, int a_packed,
                         const float *b, long b_rs, int b_packed, float *c, long ldc, int beta);

#ifdef __cplusplus
}
#endif

#endif
