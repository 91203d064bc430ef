import Foundation
import LinearAlgebra

// The KDE pair sum: the only hot loop of the Gaussian KDE. For every query it needs
// Σⱼ exp(−½‖zq − zⱼ‖²) over whitened training points. With ‖zq − zⱼ‖² = ‖zq‖² − 2tⱼ and
// tⱼ = zq·zⱼ − ½‖zⱼ‖², that is exp(−½‖zq‖²)·Σⱼ exp(tⱼ): one multiply-add per coordinate
// (the −½‖zⱼ‖² are stored as an extra coordinate row) instead of a subtract, multiply and
// add, plus m·n exponentials. Coordinates are centred on the training mean, so tⱼ stays
// small (float32 error ~1e-5) for every query near the data; far-out queries, where it
// would not, are redone in `Double` by `logSumExponentials`.
//
// The tⱼ are one matrix product, [zq 1]·[zⱼ; −½‖zⱼ‖²], so they come from the project's GEMM
// (on AVX2/FMA CPUs its C micro-kernel), block by block into a buffer that stays in L2; the
// exponentials then run over that buffer.

/// Blocked, vectorised evaluation of Gaussian-kernel sums in whitened coordinates.
enum KDEKernel {
    typealias Vector = SIMD8<Float>
    /// Training points handled per vector.
    static let width = Vector.scalarCount
    /// The −½‖z‖² entry of padding points: tⱼ ≈ −1e30 weighs nothing and stays finite in float32.
    static let padding: Float = -1e30
    /// Queries per task on the GEMM route: four 6-row tiles, few enough that the GEMM reads the points in place.
    static let queryBlock = 24
    /// Queries sharing each load of training coordinates on the fused route (4 accumulators of 2 SSE registers each).
    static let fusedQueryBlock = 4
    /// Training points per exponential sum: float32 lanes of at most 32 terms, each ≤ 1, then a `Double` total;
    /// on the fused route the block's squared distances (4 × 256 floats) stay in L1.
    static let pointBlock = 256
    /// Nearest squared distance beyond which a query is redone in `Double`: there zq·zⱼ reaches
    /// hundreds and its float32 rounding ~1e-4 nats.
    static let exactBeyond: Float = 400

    /// log Σⱼ exp(−½‖zq − zⱼ‖²) in `Double` for the listed queries, a two-pass log-sum-exp per query.
    /// - Parameters:
    ///   - whitened: all whitened queries, row-major `Double`.
    ///   - points: whitened training points, row-major `Double`.
    /// - Complexity: O(queries.count · n · d), over all cores.
    static func logSumExponentials(queries: [Int], whitened: [Double], dimension d: Int, points: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: queries.count)
        let n = points.count / max(d, 1)
        out.withUnsafeMutableBufferPointer { result in
            points.withUnsafeBufferPointer { p in
                Parallel.forEach(iterations: queries.count) { index in
                    let q = queries[index] * d
                    var squared = [Double](repeating: 0, count: n)
                    var nearest = Double.infinity
                    for j in 0..<n {
                        var s = 0.0
                        for k in 0..<d {
                            let e = whitened[q + k] - p[j * d + k]
                            s += e * e
                        }
                        squared[j] = s
                        nearest = min(nearest, s)
                    }
                    var sum = 0.0
                    for s in squared { sum += KDEExp.exp(-0.5 * (s - nearest)) }
                    result[index] = Foundation.log(sum) - 0.5 * nearest
                }
            }
        }
        return out
    }

    /// For each query, the largest tⱼ = zq·zⱼ − ½‖zⱼ‖² (its nearest point) and Σⱼ exp(tⱼ − max t).
    ///
    /// The sum is taken relative to the nearest point, found block by block: when a later
    /// block holds a nearer point, the running sum is rescaled (the streaming log-sum-exp).
    /// Each block's terms are summed in float32 lanes (at most 32 terms each, all ≤ 1) and
    /// added to a `Double` total.
    /// - Parameters:
    ///   - queries: whitened queries, row-major count×dimension.
    ///   - points: whitened training points, dimension-major with row length `stride` (a multiple
    ///     of 8), followed by a row of −½‖zⱼ‖² (`padding` for the padding points).
    ///
    /// Where the GEMM runs its AVX2/FMA kernel the tⱼ come from it; on the portable kernel the fused
    /// loop is faster (the same 4×8 register tile, without the round trip of tⱼ through memory).
    /// Both give the same values up to float32 rounding of tⱼ.
    /// - Complexity: O(count · stride · dimension), over all cores.
    static func sumExponentials(queries: [Float], count m: Int, dimension d: Int, points: [Float], stride: Int)
        -> (best: [Float], sums: [Double])
    {
        FloatGEMMKernel.active == .avx2FMA
            ? sumExponentialsByGEMM(queries: queries, count: m, dimension: d, points: points, stride: stride)
            : sumExponentialsFused(queries: queries, count: m, dimension: d, points: points, stride: stride)
    }

    /// `sumExponentials` with tⱼ from the GEMM, queryBlock queries × span points per product.
    static func sumExponentialsByGEMM(queries: [Float], count m: Int, dimension d: Int, points: [Float], stride: Int)
        -> (best: [Float], sums: [Double])
    {
        // [zq 1]: the trailing 1 picks up the −½‖zⱼ‖² row.
        var extended = [Float](repeating: 1, count: m * (d + 1))
        for i in 0..<m { for k in 0..<d { extended[i * (d + 1) + k] = queries[i * d + k] } }
        // Points per product: a multiple of pointBlock, small enough that one product (queryBlock ×
        // span × (d + 1) multiply-adds) stays below the GEMM's two-core threshold, as the tasks already
        // use both cores, and its result (queryBlock × span floats, ≤ 192 KiB) stays in L2.
        let span = max(pointBlock, min(2048, 600_000 / (queryBlock * (d + 1))) / pointBlock * pointBlock)
        return forEachQueryBlock(count: m, block: queryBlock, queries: extended, points: points) { q0, valid, q, p, nearestOut, sumsOut in
            let t = UnsafeMutablePointer<Float>.allocate(capacity: queryBlock * span)
            defer { t.deallocate() }
            var groupNearest = [Float](repeating: -.infinity, count: valid)
            var groupSums = [Double](repeating: 0, count: valid)
            for j0 in Swift.stride(from: 0, to: stride, by: span) {
                let width = min(span, stride - j0)
                Float._gemm(StridedOperand(base: q + q0 * (d + 1), rowStride: d + 1, columnStride: 1),
                            StridedOperand(base: p + j0, rowStride: stride, columnStride: 1),
                            into: t, m: valid, n: width, k: d + 1, ldc: span, accumulate: false)
                for i in 0..<valid {
                    accumulate(UnsafePointer(t + i * span), count: width,
                               nearest: &groupNearest[i], sum: &groupSums[i])
                }
            }
            for i in 0..<valid {
                nearestOut[i] = groupNearest[i]
                sumsOut[i] = groupSums[i]
            }
        }
    }

    /// Splits `m` queries into blocks of `block` over the cores and gathers each block's maxima and
    /// sums, which `body` writes through pointers already offset to the block's first query. The GEMM
    /// and fused routes differ only in how one block is computed.
    /// - Parameter body: (first query, queries in the block, `queries` and `points` bases, outputs).
    private static func forEachQueryBlock(
        count m: Int, block: Int, queries: [Float], points: [Float],
        _ body: (_ first: Int, _ valid: Int, _ queries: UnsafePointer<Float>, _ points: UnsafePointer<Float>,
                 _ nearest: UnsafeMutablePointer<Float>, _ sums: UnsafeMutablePointer<Double>) -> Void
    ) -> (best: [Float], sums: [Double]) {
        var nearest = [Float](repeating: -.infinity, count: m)
        var sums = [Double](repeating: 0, count: m)
        let groups = (m + block - 1) / block
        queries.withUnsafeBufferPointer { q in
            points.withUnsafeBufferPointer { p in
                nearest.withUnsafeMutableBufferPointer { nearestOut in
                    sums.withUnsafeMutableBufferPointer { sumsOut in
                        Parallel.forEach(iterations: groups) { group in
                            let q0 = group * block
                            body(q0, min(block, m - q0), q.baseAddress!, p.baseAddress!,
                                 nearestOut.baseAddress! + q0, sumsOut.baseAddress! + q0)
                        }
                    }
                }
            }
        }
        return (nearest, sums)
    }

    /// Folds `count` exponents tⱼ (a multiple of 8) into one query's running maximum and Σ exp(tⱼ − maximum),
    /// pointBlock at a time.
    @inline(__always)
    private static func accumulate(_ t: UnsafePointer<Float>, count: Int, nearest: inout Float, sum: inout Double) {
        let raw = UnsafeRawPointer(t)
        let vectorStride = MemoryLayout<Vector>.stride
        for j0 in Swift.stride(from: 0, to: count, by: pointBlock) {
            let vectors = min(pointBlock, count - j0) / width
            let first = j0 * MemoryLayout<Float>.stride
            var m0 = Vector(repeating: -.infinity), m1 = m0
            var v = 0
            while v + 1 < vectors {
                let a = raw.loadUnaligned(fromByteOffset: first + v * vectorStride, as: Vector.self)
                let b = raw.loadUnaligned(fromByteOffset: first + (v + 1) * vectorStride, as: Vector.self)
                m0 = m0.replacing(with: a, where: a .> m0)
                m1 = m1.replacing(with: b, where: b .> m1)
                v += 2
            }
            if v < vectors {
                let a = raw.loadUnaligned(fromByteOffset: first + v * vectorStride, as: Vector.self)
                m0 = m0.replacing(with: a, where: a .> m0)
            }
            m0 = m0.replacing(with: m1, where: m1 .> m0)
            let blockNearest = m0.max()
            if blockNearest > nearest {
                // exp(−∞) = 0 on the first block, where the running sum is still 0.
                sum *= KDEExp.exp(Double(nearest) - Double(blockNearest))
                nearest = blockNearest
            }
            let reference = Vector(repeating: nearest)
            var s = Vector()
            for v in 0..<vectors {
                s += KDEExp.exp(raw.loadUnaligned(fromByteOffset: first + v * vectorStride, as: Vector.self) - reference)
            }
            sum += Double(s.sum())
        }
    }

    /// `sumExponentials` in one loop: dot products, block maxima and exponentials per group of 4 queries.
    static func sumExponentialsFused(queries: [Float], count m: Int, dimension d: Int, points: [Float], stride: Int)
        -> (best: [Float], sums: [Double])
    {
        forEachQueryBlock(count: m, block: fusedQueryBlock, queries: queries, points: points) { q0, valid, q, p, nearestOut, sumsOut in
            let result = sumGroup(q + q0 * d, valid: valid, dimension: d, points: p, stride: stride)
            for i in 0..<valid {
                nearestOut[i] = result.nearest[i]
                sumsOut[i] = result.sums[i]
            }
        }
    }

    /// One group of up to four queries against every training point (fused route).
    @inline(__always)
    private static func sumGroup(_ queries: UnsafePointer<Float>, valid: Int, dimension d: Int,
                                 points: UnsafePointer<Float>, stride: Int) -> (nearest: SIMD4<Float>, sums: SIMD4<Double>)
    {
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: d * fusedQueryBlock + fusedQueryBlock * pointBlock / width) { scratch in
            let broadcast = scratch.baseAddress!
            let distances = broadcast + d * fusedQueryBlock
            // Each query coordinate repeated across a vector, so the inner loop only loads.
            for k in 0..<d {
                for i in 0..<fusedQueryBlock {
                    broadcast[k * fusedQueryBlock + i] = Vector(repeating: i < valid ? queries[i * d + k] : 0)
                }
            }
            var nearest = SIMD4<Float>(repeating: -.infinity)
            var sums = SIMD4<Double>(repeating: 0)
            let rawPoints = UnsafeRawPointer(points)
            let vectorsPerBlock = pointBlock / width
            let normsOffset = d * stride * MemoryLayout<Float>.stride
            for j0 in Swift.stride(from: 0, to: stride, by: pointBlock) {
                let vectors = min(pointBlock, stride - j0) / width
                var m0 = Vector(repeating: -.infinity), m1 = m0, m2 = m0, m3 = m0
                for v in 0..<vectors {
                    var offset = (j0 + v * width) * MemoryLayout<Float>.stride
                    let norms = rawPoints.loadUnaligned(fromByteOffset: normsOffset + offset, as: Vector.self)
                    var a0 = norms, a1 = norms, a2 = norms, a3 = norms
                    var b = broadcast
                    for _ in 0..<d {
                        let t = rawPoints.loadUnaligned(fromByteOffset: offset, as: Vector.self)
                        a0 += t * b[0]
                        a1 += t * b[1]
                        a2 += t * b[2]
                        a3 += t * b[3]
                        offset += stride * MemoryLayout<Float>.stride
                        b += fusedQueryBlock
                    }
                    distances[v] = a0
                    distances[vectorsPerBlock + v] = a1
                    distances[2 * vectorsPerBlock + v] = a2
                    distances[3 * vectorsPerBlock + v] = a3
                    m0 = m0.replacing(with: a0, where: a0 .> m0)
                    m1 = m1.replacing(with: a1, where: a1 .> m1)
                    m2 = m2.replacing(with: a2, where: a2 .> m2)
                    m3 = m3.replacing(with: a3, where: a3 .> m3)
                }
                let blockNearest = SIMD4<Float>(m0.max(), m1.max(), m2.max(), m3.max())
                for i in 0..<fusedQueryBlock where blockNearest[i] > nearest[i] {
                    // exp(−∞) = 0 on the first block, where the running sum is still 0.
                    sums[i] *= KDEExp.exp(Double(nearest[i]) - Double(blockNearest[i]))
                    nearest[i] = blockNearest[i]
                }
                for i in 0..<fusedQueryBlock {
                    let reference = Vector(repeating: nearest[i])
                    var s = Vector()
                    let row = distances + i * vectorsPerBlock
                    for v in 0..<vectors {
                        s += KDEExp.exp(row[v] - reference)
                    }
                    sums[i] += Double(s.sum())
                }
            }
            return (nearest, sums)
        }
    }
}
