#include "CKernels.h"

#include <string.h>

// The packing routines are plain C (any CPU); only the micro-kernel needs AVX2/FMA.

void tk_sgemm_pack_a6(long mb, long kb, const float *a, long rs, long cs, float *dst) {
    for (long i0 = 0; i0 < mb; i0 += 6) {
        const long rows = mb - i0 < 6 ? mb - i0 : 6;
        const float *src = a + i0 * rs;
        if (cs == 1) {
            // Row-major A: six rows read side by side, interleaved into the strip.
            for (long r = 0; r < rows; r++) {
                const float *row = src + r * rs;
                for (long p = 0; p < kb; p++) dst[p * 6 + r] = row[p];
            }
        } else if (rs == 1 && rows == 6) {
            for (long p = 0; p < kb; p++) memcpy(dst + p * 6, src + p * cs, 6 * sizeof(float));
        } else {
            for (long r = 0; r < rows; r++)
                for (long p = 0; p < kb; p++) dst[p * 6 + r] = src[r * rs + p * cs];
        }
        for (long r = rows; r < 6; r++)
            for (long p = 0; p < kb; p++) dst[p * 6 + r] = 0;
        dst += 6 * kb;
    }
}

void tk_sgemm_pack_b16(long kb, long nb, const float *b, long rs, long cs, float *dst) {
    for (long j0 = 0; j0 < nb; j0 += 16) {
        const long cols = nb - j0 < 16 ? nb - j0 : 16;
        const float *src = b + j0 * cs;
        if (cs == 1 && cols == 16) {
            for (long p = 0; p < kb; p++) memcpy(dst + p * 16, src + p * rs, 16 * sizeof(float));
        } else if (cs == 1) {
            for (long p = 0; p < kb; p++) {
                memcpy(dst + p * 16, src + p * rs, (size_t)cols * sizeof(float));
                memset(dst + p * 16 + cols, 0, (size_t)(16 - cols) * sizeof(float));
            }
        } else {
            // Transposed B: each column is contiguous in memory; read along it.
            for (long j = 0; j < cols; j++) {
                const float *column = src + j * cs;
                for (long p = 0; p < kb; p++) dst[p * 16 + j] = column[p * rs];
            }
            for (long j = cols; j < 16; j++)
                for (long p = 0; p < kb; p++) dst[p * 16 + j] = 0;
        }
        dst += 16 * kb;
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

int tk_cpu_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

// Twelve 8-lane accumulators (6 rows × 2 vectors) hide the 4-cycle FMA latency on two FMA
// ports with room to spare; each step loads two B vectors and broadcasts six A values for
// twelve FMAs, so loads never limit the FMA rate. Element (r, p) of the A strip is
// a[r * rs + p * cs] and element (p, j) of the B strip b[p * bs + j]; inlined with the packed
// strides (1, 6) and 16 the addresses become constant offsets.
__attribute__((target("avx2,fma"), always_inline))
static inline void tile_6x16(long kb, const float *a, long rs, long cs, const float *b, long bs,
                             float *c, long ldc, int beta, long mv, long nv) {
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
    __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
    __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
    __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    // The C tile is needed only after the loop: start fetching it now (a prefetch never faults,
    // so rows past mv are harmless).
    for (int r = 0; r < 6; r++) {
        _mm_prefetch((const char *)(c + r * ldc), _MM_HINT_T0);
        _mm_prefetch((const char *)(c + r * ldc + 15), _MM_HINT_T0);
    }
    const float *a0 = a, *a1 = a + rs, *a2 = a + 2 * rs, *a3 = a + 3 * rs, *a4 = a + 4 * rs, *a5 = a + 5 * rs;
    for (long p = 0, o = 0; p < kb; p++, o += cs) {
        const __m256 x0 = _mm256_loadu_ps(b);
        const __m256 x1 = _mm256_loadu_ps(b + 8);
        __m256 s = _mm256_broadcast_ss(a0 + o);
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
        s = _mm256_broadcast_ss(a4 + o);
        c40 = _mm256_fmadd_ps(s, x0, c40);
        c41 = _mm256_fmadd_ps(s, x1, c41);
        s = _mm256_broadcast_ss(a5 + o);
        c50 = _mm256_fmadd_ps(s, x0, c50);
        c51 = _mm256_fmadd_ps(s, x1, c51);
        b += bs;
    }
    __m256 rows[12] = {c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51};
    if (mv == 6 && nv == 16) {
        for (int r = 0; r < 6; r++) {
            float *row = c + r * ldc;
            if (beta) {
                rows[2 * r] = _mm256_add_ps(rows[2 * r], _mm256_loadu_ps(row));
                rows[2 * r + 1] = _mm256_add_ps(rows[2 * r + 1], _mm256_loadu_ps(row + 8));
            }
            _mm256_storeu_ps(row, rows[2 * r]);
            _mm256_storeu_ps(row + 8, rows[2 * r + 1]);
        }
    } else {
        float tile[6 * 16];
        for (int v = 0; v < 12; v++) _mm256_storeu_ps(tile + 8 * v, rows[v]);
        for (long r = 0; r < mv; r++) {
            float *row = c + r * ldc;
            for (long j = 0; j < nv; j++) row[j] = beta ? row[j] + tile[16 * r + j] : tile[16 * r + j];
        }
    }
}

// Two out-of-line copies, so that each gets its own register allocation: inlined side by side
// into the block loop, the strided copy spilled accumulators to the stack.
__attribute__((target("avx2,fma"), noinline))
static void tile_packed(long kb, const float *a, const float *b, long bs, float *c, long ldc, int beta, long mv, long nv) {
    tile_6x16(kb, a, 1, 6, b, bs, c, ldc, beta, mv, nv);
}

__attribute__((target("avx2,fma"), noinline))
static void tile_direct(long kb, const float *a, long rs, long cs, const float *b, long bs, float *c, long ldc, int beta,
                        long mv, long nv) {
    tile_6x16(kb, a, rs, cs, b, bs, c, ldc, beta, mv, nv);
}

__attribute__((target("avx2,fma")))
void tk_sgemm_6x16_block(long mb, long nb, long kb, const float *a, long a_rs, long a_cs, int a_packed,
                         const float *b, long b_rs, int b_packed, float *c, long ldc, int beta) {
    // Strips whose rows or columns run past the block are read from zero-padded copies
    // (packed operands already are).
    const long strips = (mb + 5) / 6;
    const int a_ragged = !a_packed && mb % 6 != 0, b_ragged = !b_packed && nb % 16 != 0;
    float a_edge[a_ragged ? 6 * kb : 1], b_edge[b_ragged ? 16 * kb : 1];
    if (a_ragged) tk_sgemm_pack_a6(mb % 6, kb, a + (strips - 1) * 6 * a_rs, a_rs, a_cs, a_edge);
    if (b_ragged) tk_sgemm_pack_b16(kb, nb % 16, b + (nb / 16) * 16, b_rs, 1, b_edge);
    // One kb×16 strip of B stays in L1 while the A strips stream past it from L2.
    for (long j = 0; j < nb; j += 16) {
        const long nv = nb - j < 16 ? nb - j : 16;
        const int b_direct = !b_packed && nv == 16;
        const float *bs = b_packed ? b + j * kb : b_direct ? b + j : b_edge;
        for (long s = 0; s < strips; s++) {
            const long i = 6 * s;
            const long mv = mb - i < 6 ? mb - i : 6;
            float *ct = c + i * ldc + j;
            const int a_direct = !a_packed && mv == 6;
            const float *as = a_packed ? a + s * 6 * kb : a_direct ? a + i * a_rs : a_edge;
            if (a_direct) {
                tile_direct(kb, as, a_rs, a_cs, bs, b_direct ? b_rs : 16, ct, ldc, beta, mv, nv);
            } else {
                tile_packed(kb, as, bs, b_direct ? b_rs : 16, ct, ldc, beta, mv, nv);
            }
        }
    }
}

#else

int tk_cpu_has_avx2_fma(void) { return 0; }

// Never called where the check above returns 0; kept correct so a misuse is only slow.
void tk_sgemm_6x16_block(long mb, long nb, long kb, const float *a, long a_rs, long a_cs, int a_packed,
                         const float *b, long b_rs, int b_packed, float *c, long ldc, int beta) {
    for (long i = 0; i < mb; i++) {
        for (long j = 0; j < nb; j++) {
            float sum = 0;
            for (long p = 0; p < kb; p++) {
                const float x = a_packed ? a[(i / 6) * 6 * kb + p * 6 + i % 6] : a[i * a_rs + p * a_cs];
                const float y = b_packed ? b[(j / 16) * 16 * kb + p * 16 + j % 16] : b[p * b_rs + j];
                sum += x * y;
            }
            c[i * ldc + j] = beta ? c[i * ldc + j] + sum : sum;
        }
    }
}

#endif
