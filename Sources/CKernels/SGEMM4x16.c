#include "CKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

int tk_cpu_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

// Eight independent 8-lane accumulators cover the FMA latency on both ports; each step
// loads two B vectors and broadcasts four A values for eight FMAs.
__attribute__((target("avx2,fma")))
void tk_sgemm_4x16(long kb, const float *a, long row_step, long k_step,
                   const float *b0, const float *b1, float *c, long ldc, int beta) {
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
    __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
    __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    const float *a1 = a + row_step, *a2 = a + 2 * row_step, *a3 = a + 3 * row_step;
    for (long p = 0; p < kb; p++) {
        const __m256 x0 = _mm256_loadu_ps(b0 + 8 * p);
        const __m256 x1 = _mm256_loadu_ps(b1 + 8 * p);
        const long o = p * k_step;
        __m256 s = _mm256_broadcast_ss(a + o);
        c00 = _mm256_fmadd_ps(s, x0, c00);
        c01 = _mm256_fmadd_ps(s, x1, c01);
        s = _mm256_broadcast_ss(a1 + o);
        c10 = _mm256_fmadd_ps(s, x0, c10);
        c11 = _mm256_fmadd_ps(s, x1, c11);
        s = _mm256_broadcast_ss(a2 + o);
        c20 = _mm256_fmadd_ps(s, x0, c20);
        c21 = _mm256_fmadd_ps(s, x1, c21);
        s = _mm256_broadcast_ss(a3 + o);
        c30 = _mm256_fmadd_ps(s, x0, c30);
        c31 = _mm256_fmadd_ps(s, x1, c31);
    }
    __m256 rows[8] = {c00, c01, c10, c11, c20, c21, c30, c31};
    for (int r = 0; r < 4; r++) {
        float *row = c + r * ldc;
        if (beta) {
            rows[2 * r] = _mm256_add_ps(rows[2 * r], _mm256_loadu_ps(row));
            rows[2 * r + 1] = _mm256_add_ps(rows[2 * r + 1], _mm256_loadu_ps(row + 8));
        }
        _mm256_storeu_ps(row, rows[2 * r]);
        _mm256_storeu_ps(row + 8, rows[2 * r + 1]);
    }
}

#else

int tk_cpu_has_avx2_fma(void) { return 0; }

// Never called where the check above returns 0; kept correct so a misuse is only slow.
void tk_sgemm_4x16(long kb, const float *a, long row_step, long k_step,
                   const float *b0, const float *b1, float *c, long ldc, int beta) {
    for (int r = 0; r < 4; r++) {
        for (int j = 0; j < 16; j++) {
            const float *b = j < 8 ? b0 + j : b1 + (j - 8);
            float sum = 0;
            for (long p = 0; p < kb; p++) sum += a[r * row_step + p * k_step] * b[p * 8];
            c[r * ldc + j] = beta ? c[r * ldc + j] + sum : sum;
        }
    }
}

#endif
