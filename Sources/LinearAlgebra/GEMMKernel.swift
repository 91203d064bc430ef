// The hot loop of every matrix product. Goto/BLIS structure: B is packed into
// kc×NR column strips and A into MR×kc row strips, so the micro-kernel reads
// both sequentially from cache while MR×NR accumulators stay in registers.
//
// The accumulate step is written `acc += a * b`, never `addProduct`: without
// FMA in the baseline x86-64 target, `addProduct` lowers to a software fmaf
// call per lane, which is an order of magnitude slower.

import CKernels

/// A cache-tiled, register-blocked, two-core GEMM for one SIMD vector type.
enum GEMM<V: SIMD> where V.Scalar: MatrixScalar {
    typealias T = V.Scalar

    /// Rows of C per micro-tile: 4 rows × one vector keeps 4 accumulators
    /// (8 SSE registers for SIMD8<Float>) plus operands inside the 16 registers.
    static var mr: Int { 4 }
    /// Columns of C per micro-tile: one SIMD vector.
    static var nr: Int { V.scalarCount }
    /// Depth of a packed block: one A strip (MR×kc) and one B strip (kc×NR) fit in L1.
    static var kc: Int { 256 }
    /// Rows of A packed per task: an mc×kc block fits in L2.
    static var mc: Int { 128 }

    /// - Parameter allowWide: use the AVX2/FMA 4×16 kernel where the CPU has it (tests turn it off
    ///   to check the portable path on the same machine).
    static func run(_ a: StridedOperand<T>, _ b: StridedOperand<T>, _ c: UnsafeMutablePointer<T>,
                    m: Int, n: Int, k: Int, ldc: Int, accumulate: Bool, allowWide: Bool = true) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        let nStrips = (n + nr - 1) / nr
        let rowBlocks = (m + mc - 1) / mc
        // Both cores need work even when C has few rows (Xᵀ·W with a thin W): split columns too.
        let columnChunks = max(1, min(nStrips, (2 * Parallel.coreCount + rowBlocks - 1) / rowBlocks))
        let stripsPerChunk = (nStrips + columnChunks - 1) / columnChunks
        let tasks = rowBlocks * columnChunks
        let flops = 2.0 * Double(m) * Double(n) * Double(k)
        // A thin C (few column strips) reuses each A element only a few times, so packing A would
        // cost as much as the arithmetic: read it in place when either of its strides is 1.
        let directA = nStrips <= 8 && (a.columnStride == 1 || a.rowStride == 1)
        let wide = allowWide && usesWideKernel
        let packedB = UnsafeMutablePointer<T>.allocate(capacity: nStrips * nr * kc)
        defer { packedB.deallocate() }

        for p0 in stride(from: 0, to: k, by: kc) {
            let kb = min(kc, k - p0)
            packB(b, into: packedB, p0: p0, kb: kb, n: n, strips: nStrips)
            let beta = accumulate || p0 > 0
            let bShared = UnsafePointer(packedB)
            let body = { (task: Int) in
                let block = task / columnChunks
                let chunk = task % columnChunks
                let i0 = block * mc
                let mb = min(mc, m - i0)
                let s0 = chunk * stripsPerChunk
                let s1 = min(nStrips, s0 + stripsPerChunk)
                guard s0 < s1 else { return }
                let mStrips = (mb + mr - 1) / mr
                if directA {
                    let edge = UnsafeMutablePointer<T>.allocate(capacity: mr * kb)
                    defer { edge.deallocate() }
                    for r in 0..<mStrips {
                        let i = i0 + r * mr
                        let full = i + mr <= m
                        if !full { packA(a, into: edge, i0: i, mb: m - i, p0: p0, kb: kb) }
                        let strip = full ? a.base + i * a.rowStride + p0 * a.columnStride : UnsafePointer(edge)
                        let (rowStep, kStep) = full ? (a.rowStride, a.columnStride) : (1, mr)
                        var s = s0
                        while s < s1 {
                            let j = s * nr
                            if wide && full && s + 1 < s1 && j + 2 * nr <= n {
                                wideKernel(kb, strip, rowStep: rowStep, kStep: kStep, bShared + s * nr * kb,
                                           bShared + (s + 1) * nr * kb, c + i * ldc + j, ldc: ldc, beta: beta)
                                s += 2
                                continue
                            }
                            microKernel(kb, strip, rowStep: rowStep, kStep: kStep, bShared + s * nr * kb,
                                        c + i * ldc + j, ldc: ldc, mValid: min(mr, m - i), nValid: min(nr, n - j), beta: beta)
                            s += 1
                        }
                    }
                    return
                }
                let packedA = UnsafeMutablePointer<T>.allocate(capacity: mStrips * mr * kb)
                defer { packedA.deallocate() }
                packA(a, into: packedA, i0: i0, mb: mb, p0: p0, kb: kb)
                var s = s0
                while s < s1 {
                    let j = s * nr
                    // Two full strips at once through the AVX2/FMA kernel; edge rows and strips stay portable.
                    let pair = wide && s + 1 < s1 && j + 2 * nr <= n
                    for r in 0..<mStrips {
                        let i = i0 + r * mr
                        let strip = UnsafePointer(packedA + r * mr * kb)
                        if pair && i + mr <= m {
                            wideKernel(kb, strip, rowStep: 1, kStep: mr, bShared + s * nr * kb, bShared + (s + 1) * nr * kb,
                                       c + i * ldc + j, ldc: ldc, beta: beta)
                            continue
                        }
                        for t in s..<(pair ? s + 2 : s + 1) {
                            let jt = t * nr
                            microKernel(kb, strip, rowStep: 1, kStep: mr, bShared + t * nr * kb,
                                        c + i * ldc + jt, ldc: ldc, mValid: min(mr, m - i), nValid: min(nr, n - jt), beta: beta)
                        }
                    }
                    s += pair ? 2 : 1
                }
            }
            // Thread start-up costs tens of microseconds: small products stay on one core.
            if tasks > 1 && flops > 2e6 {
                Parallel.forEach(iterations: tasks, body)
            } else {
                for t in 0..<tasks { body(t) }
            }
        }
    }

    /// Packs rows p0..<p0+kb of B into NR-wide strips, each k-major, zero-padding the last strip.
    @inline(__always)
    static func packB(_ b: StridedOperand<T>, into dst: UnsafeMutablePointer<T>, p0: Int, kb: Int, n: Int, strips: Int) {
        for s in 0..<strips {
            let j0 = s * nr
            let strip = dst + s * nr * kb
            let width = min(nr, n - j0)
            if b.columnStride == 1 && width == nr {
                for p in 0..<kb {
                    (strip + p * nr).update(from: b.base + (p0 + p) * b.rowStride + j0, count: nr)
                }
            } else {
                for p in 0..<kb {
                    let row = strip + p * nr
                    for jj in 0..<nr { row[jj] = jj < width ? b.element(p0 + p, j0 + jj) : 0 }
                }
            }
        }
    }

    /// Packs an mb×kb block of A into MR-row strips, k-major, zero-padding the last strip.
    @inline(__always)
    static func packA(_ a: StridedOperand<T>, into dst: UnsafeMutablePointer<T>, i0: Int, mb: Int, p0: Int, kb: Int) {
        let strips = (mb + mr - 1) / mr
        for s in 0..<strips {
            let strip = dst + s * mr * kb
            let height = min(mr, mb - s * mr)
            for ii in 0..<mr {
                if ii < height {
                    let i = i0 + s * mr + ii
                    if a.columnStride == 1 {
                        let src = a.base + i * a.rowStride + p0
                        for p in 0..<kb { strip[p * mr + ii] = src[p] }
                    } else {
                        for p in 0..<kb { strip[p * mr + ii] = a.element(i, p0 + p) }
                    }
                } else {
                    for p in 0..<kb { strip[p * mr + ii] = 0 }
                }
            }
        }
    }

    /// C[0..<mValid, 0..<nValid] (+)= A strip · packed B strip.
    ///
    /// Element (r, p) of the A strip is `a[r * rowStep + p * kStep]`: (1, MR) for a packed strip,
    /// the operand's own strides when A is read in place.
    @inline(__always)
    static func microKernel(_ kb: Int, _ a: UnsafePointer<T>, rowStep: Int, kStep: Int, _ b: UnsafePointer<T>,
                            _ c: UnsafeMutablePointer<T>, ldc: Int, mValid: Int, nValid: Int, beta: Bool) {
        #if DEBUG
        scalarMicroKernel(kb, a, rowStep: rowStep, kStep: kStep, b, c, ldc: ldc, mValid: mValid, nValid: nValid, beta: beta)
        #else
        var c0 = V(), c1 = V(), c2 = V(), c3 = V()
        let rawB = UnsafeRawPointer(b)
        let stride = MemoryLayout<V>.stride
        var ap = a
        for p in 0..<kb {
            let bv = rawB.loadUnaligned(fromByteOffset: p * stride, as: V.self)
            c0 += V(repeating: ap[0]) * bv
            c1 += V(repeating: ap[rowStep]) * bv
            c2 += V(repeating: ap[2 &* rowStep]) * bv
            c3 += V(repeating: ap[3 &* rowStep]) * bv
            ap += kStep
        }
        if mValid == 4 && nValid == nr {
            store(c0, c, beta)
            store(c1, c + ldc, beta)
            store(c2, c + 2 * ldc, beta)
            store(c3, c + 3 * ldc, beta)
        } else {
            let tile = [c0, c1, c2, c3]
            for r in 0..<mValid {
                let row = c + r * ldc
                for j in 0..<nValid { row[j] = beta ? row[j] + tile[r][j] : tile[r][j] }
            }
        }
        #endif
    }

    /// Whether products of this vector type can use the AVX2/FMA kernel: `Float` in 8-wide
    /// strips on a CPU that has it, unless `THRESHOLDKIT_GEMM=portable` asks for the Swift kernel.
    static var usesWideKernel: Bool { T.self == Float.self && nr == 8 && CPUFeatures.wideFloatKernel }

    /// C[0..<4, 0..<16] (+)= A strip · two adjacent packed B strips, in C with AVX2 and FMA.
    @inline(__always)
    static func wideKernel(_ kb: Int, _ a: UnsafePointer<T>, rowStep: Int, kStep: Int, _ b0: UnsafePointer<T>,
                           _ b1: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>, ldc: Int, beta: Bool) {
        tk_sgemm_4x16(kb, UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), rowStep, kStep,
                      UnsafeRawPointer(b0).assumingMemoryBound(to: Float.self),
                      UnsafeRawPointer(b1).assumingMemoryBound(to: Float.self),
                      UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), ldc, beta ? 1 : 0)
    }

    @inline(__always)
    static func store(_ v: V, _ c: UnsafeMutablePointer<T>, _ beta: Bool) {
        let raw = UnsafeMutableRawPointer(c)
        if beta {
            raw.storeBytes(of: raw.loadUnaligned(as: V.self) + v, as: V.self)
        } else {
            raw.storeBytes(of: v, as: V.self)
        }
    }
}
