// The float GEMM on CPUs with AVX2 and FMA; `GEMM.run` sends Float products here and keeps the
// portable Swift kernel for other CPUs, arm64, Double and `THRESHOLDKIT_GEMM=portable`.
//
// Goto/BLIS structure around the C micro-kernel (CKernels/SGEMM6x16.c), sized for the target
// machines' caches (32 KiB L1d and 512 KiB L2 per core, a shared L3):
// - B is packed once per column panel into k-major 16-column strips, all of k at once (≤ 8 MiB,
//   in L3), by both cores; every task then reads the same packed panel.
// - Each task owns a band of ≤ 144 rows of C and packs its kc-deep slices of A into 6-row
//   strips (144 × 256 floats = 144 KiB, in L2).
// - The micro-kernel keeps a 6×16 tile of C in twelve ymm registers while one kc×16 strip of B
//   (16 KiB) stays in L1.
// Thin operands skip packing: a short C (few row strips) reads B in place, a narrow C (few
// column strips) reads A in place, since each packed element would be used only a few times.

import CKernels

/// The cache-blocked, two-core float GEMM on the AVX2/FMA 6×16 micro-kernel.
enum WideFloatGEMM {
    /// Rows of C per micro-tile.
    static let mr = 6
    /// Columns of C per micro-tile: two 8-lane vectors.
    static let nr = 16
    /// Depth of a k-block: one kc×16 strip of B is 16 KiB, half of L1.
    static let kc = 256
    /// Rows of C per task: an mc×kc block of packed A is 144 KiB of the 512 KiB L2.
    static let mc = 144
    /// Floats of packed B per column panel (k × panel width): 8 MiB of L3.
    static let panelFloats = 2 << 20

    /// C ← op(A)·op(B), or C ← C + op(A)·op(B) when `accumulate`; see `GEMM.run` for the layouts.
    ///
    /// Only call it when `CPUFeatures.hasAVX2FMA` is true.
    /// - Parameter panelFloats: the packed-B budget; tests shrink it to cover several column panels.
    /// - Complexity: O(m·n·k), over all cores when the product exceeds about 2 MFLOP.
    static func run(_ a: StridedOperand<Float>, _ b: StridedOperand<Float>, _ c: UnsafeMutablePointer<Float>,
                    m: Int, n: Int, k: Int, ldc: Int, accumulate: Bool, panelFloats: Int = panelFloats) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        precondition(kc <= Int(TK_SGEMM_KC_MAX), "k-block deeper than the C kernel's edge buffers")
        let kBlocks = (k + kc - 1) / kc
        let strips = (n + nr - 1) / nr
        let rowStrips = (m + mr - 1) / mr
        // Thread start-up costs tens of microseconds: small products stay on one core.
        let parallel = Parallel.coreCount > 1 && 2.0 * Double(m) * Double(n) * Double(k) > 2e6
        let directA = strips <= 4 && (a.columnStride == 1 || a.rowStride == 1)
        let directB = rowStrips <= 4 && b.columnStride == 1
        let panelStrips = directB ? strips : max(1, min(strips, panelFloats / (k * nr)))
        let packedB = directB ? nil : UnsafeMutableRawPointer.allocate(
            byteCount: panelStrips * nr * k * MemoryLayout<Float>.stride, alignment: 64).bindMemory(to: Float.self,
                                                                                               capacity: panelStrips * nr * k)
        defer { packedB?.deallocate() }
        /// The first depth index of k-block q: blocks of near-equal depth, none deeper than kc.
        func blockStart(_ q: Int) -> Int { k * q / kBlocks }

        for s0 in stride(from: 0, to: strips, by: panelStrips) {
            let width = min(strips, s0 + panelStrips) - s0
            let j0 = s0 * nr
            let nb = min(n, (s0 + width) * nr) - j0
            if let packedB {
                pack(b, into: packedB, column: j0, width: nb, k: k, kBlocks: kBlocks, parallel: parallel)
            }
            // Tasks: bands of ≤ mc rows (a multiple of the core count, so both cores finish together),
            // times column chunks when there are too few bands to keep both cores busy.
            var rowTasks = (rowStrips * mr + mc - 1) / mc
            var columnChunks = 1
            if parallel {
                if rowTasks >= 2 * Parallel.coreCount || width == 1 {
                    rowTasks = min(rowStrips, (rowTasks + Parallel.coreCount - 1) / Parallel.coreCount * Parallel.coreCount)
                } else {
                    columnChunks = min(width, (2 * Parallel.coreCount + rowTasks - 1) / rowTasks)
                }
            }
            let body = { (task: Int) in
                let band = task / columnChunks, chunk = task % columnChunks
                let i0 = min(m, rowStrips * band / rowTasks * mr), i1 = min(m, rowStrips * (band + 1) / rowTasks * mr)
                let t0 = width * chunk / columnChunks, t1 = width * (chunk + 1) / columnChunks
                guard i0 < i1, t0 < t1 else { return }
                let jc = j0 + t0 * nr
                let columns = min(n, j0 + t1 * nr) - jc
                let bandRows = min(mc, i1 - i0)
                let packedA = directA ? nil : UnsafeMutableRawPointer.allocate(
                    byteCount: (bandRows + mr) * kc * MemoryLayout<Float>.stride, alignment: 64)
                    .bindMemory(to: Float.self, capacity: (bandRows + mr) * kc)
                defer { packedA?.deallocate() }
                for ic in stride(from: i0, to: i1, by: mc) {
                    let mb = min(mc, i1 - ic)
                    for q in 0..<kBlocks {
                        let p0 = blockStart(q), kb = blockStart(q + 1) - p0
                        let aBlock = a.base + ic * a.rowStride + p0 * a.columnStride
                        if let packedA { tk_sgemm_pack_a6(mb, kb, aBlock, a.rowStride, a.columnStride, packedA) }
                        let bBlock = packedB.map { UnsafePointer($0 + p0 * width * nr + t0 * nr * kb) }
                            ?? b.base + p0 * b.rowStride + jc
                        tk_sgemm_6x16_block(mb, columns, kb, packedA.map { UnsafePointer($0) } ?? aBlock,
                                            packedA == nil ? a.rowStride : 1, packedA == nil ? a.columnStride : mr,
                                            packedA == nil ? 0 : 1, bBlock, packedB == nil ? b.rowStride : nr,
                                            packedB == nil ? 0 : 1, c + ic * ldc + jc, ldc, accumulate || q > 0 ? 1 : 0)
                    }
                }
            }
            let tasks = rowTasks * columnChunks
            if parallel { Parallel.forEach(iterations: tasks, body) } else { for t in 0..<tasks { body(t) } }
        }
    }

    /// Packs columns j0..<j0+nb of B, all of k, into `dst`: k-block by k-block (block q at
    /// offset start(q) · ⌈nb/16⌉ · 16), each as `tk_sgemm_pack_b16` strips.
    private static func pack(_ b: StridedOperand<Float>, into dst: UnsafeMutablePointer<Float>, column j0: Int, width nb: Int,
                             k: Int, kBlocks: Int, parallel: Bool) {
        let strips = (nb + nr - 1) / nr
        let chunks = parallel ? max(1, min(strips, (2 * Parallel.coreCount + kBlocks - 1) / kBlocks)) : 1
        let body = { (task: Int) in
            let q = task / chunks, chunk = task % chunks
            let p0 = k * q / kBlocks, kb = k * (q + 1) / kBlocks - p0
            let t0 = strips * chunk / chunks, t1 = strips * (chunk + 1) / chunks
            guard t0 < t1 else { return }
            let columns = min(nb, t1 * nr) - t0 * nr
            tk_sgemm_pack_b16(kb, columns, b.base + p0 * b.rowStride + (j0 + t0 * nr) * b.columnStride,
                              b.rowStride, b.columnStride, dst + p0 * strips * nr + t0 * nr * kb)
        }
        if parallel { Parallel.forEach(iterations: kBlocks * chunks, body) } else { for t in 0..<(kBlocks * chunks) { body(t) } }
    }
}
