// The portable GEMM: every Double product, and Float products on CPUs without AVX2/FMA (other
// x86-64 CPUs, arm64) or under `THRESHOLDKIT_GEMM=portable`. Float products on AVX2/FMA CPUs go
// to `WideFloatGEMM` (GEMMWideFloat.swift). Goto/BLIS structure: B is packed into kc×NR column
// strips and A into MR×kc row strips, so the micro-kernel reads both sequentially from cache
// while MR×NR accumulators stay in registers.
//
// The accumulate step is written `acc += a * b`, never `addProduct`: without
// FMA in the baseline x86-64 target, `addProduct` lowers to a software fmaf
// call per lane, which is an order of magnitude slower.

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

    /// C ← op(A)·op(B) (`accumulate == false`) or C ← C + op(A)·op(B); C is row-major with leading dimension ldc.
    ///
    /// - Parameter allowWide: send `Float` products to the AVX2/FMA kernel where the CPU has it
    ///   (tests pass false to check the portable kernel on the same machine).
    /// - Complexity: O(m·n·k), over all cores when the product exceeds about 2 MFLOP.
    static func run(_ a: StridedOperand<T>, _ b: StridedOperand<T>, _ c: UnsafeMutablePointer<T>,
                    m: Int, n: Int, k: Int, ldc: Int, accumulate: Bool, allowWide: Bool = true) {
        if allowWide && usesWideKernel {
            WideFloatGEMM.run(a.reinterpreted(), b.reinterpreted(), UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self),
                              m: m, n: n, k: k, ldc: ldc, accumulate: accumulate)
            return
        }
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
                        for s in s0..<s1 {
                            let j = s * nr
                            microKernel(kb, strip, rowStep: rowStep, kStep: kStep, bShared + s * nr * kb,
                                        c + i * ldc + j, ldc: ldc, mValid: min(mr, m - i), nValid: min(nr, n - j), beta: beta)
                        }
                    }
                    return
                }
                let packedA = UnsafeMutablePointer<T>.allocate(capacity: mStrips * mr * kb)
                defer { packedA.deallocate() }
                packA(a, into: packedA, i0: i0, mb: mb, p0: p0, kb: kb)
                for s in s0..<s1 {
                    let j = s * nr
                    for r in 0..<mStrips {
                        let i = i0 + r * mr
                        microKernel(kb, UnsafePointer(packedA + r * mr * kb), rowStep: 1, kStep: mr, bShared + s * nr * kb,
                                    c + i * ldc + j, ldc: ldc, mValid: min(mr, m - i), nValid: min(nr, n - j), beta: beta)
                    }
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
    }

    /// Whether products of this vector type go to `WideFloatGEMM`: `Float` on a CPU with AVX2 and FMA,
    /// unless `THRESHOLDKIT_GEMM=portable` asks for the Swift kernel.
    static var usesWideKernel: Bool { T.self == Float.self && CPUFeatures.wideFloatKernel }

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

extension StridedOperand {
    /// The same view with its element type restated; only for a type known to equal `Scalar`.
    func reinterpreted<Other>() -> StridedOperand<Other> {
        precondition(MemoryLayout<Other>.stride == MemoryLayout<Scalar>.stride, "element types differ in size")
        return StridedOperand<Other>(base: UnsafeRawPointer(base).assumingMemoryBound(to: Other.self),
                                     rowStride: rowStride, columnStride: columnStride)
    }
}
