import Foundation
import LinearAlgebra

// The KDE pair sum: the only hot loop of the Gaussian KDE. For every query it needs
// Σⱼ exp(−½‖zq − zⱼ‖²) over whitened training points. With ‖zq − zⱼ‖² = ‖zq‖² − 2tⱼ and
// tⱼ = zq·zⱼ − ½‖zⱼ‖², that is exp(−½‖zq‖²)·Σⱼ exp(tⱼ): one multiply-add per coordinate
// (the −½‖zⱼ‖² are stored as an extra coordinate row) instead of a subtract, multiply and
// add, plus m·n exponentials. Coordinates are centred on the training mean, so tⱼ stays
// small (float32 error ~1e-5) for every query near the data; far-out queries, where it
// would not, are redone in `Double` by `logSumExponentials`.

/// Blocked, vectorised evaluation of Gaussian-kernel sums in whitened coordinates.
enum KDEKernel {
    typealias Vector = SIMD8<Float>
    /// Training points handled per vector.
    static let width = Vector.scalarCount
    /// The −½‖z‖² entry of padding points: tⱼ ≈ −1e30 weighs nothing and stays finite in float32.
    static let padding: Float = -1e30
    /// Queries sharing each load of training coordinates (4 accumulators of 2 SSE registers each).
    static let queryBlock = 4
    /// Training points per block: the block's squared distances (4 × 256 floats) stay in L1.
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
    /// - Complexity: O(count · stride · dimension), over all cores.
    static func sumExponentials(queries: [Float], count m: Int, dimension d: Int, points: [Float], stride: Int)
        -> (best: [Float], sums: [Double])
    {
        var nearest = [Float](repeating: -.infinity, count: m)
        var sums = [Double](repeating: 0, count: m)
        let groups = (m + queryBlock - 1) / queryBlock
        queries.withUnsafeBufferPointer { q in
            points.withUnsafeBufferPointer { p in
                nearest.withUnsafeMutableBufferPointer { nearestOut in
                    sums.withUnsafeMutableBufferPointer { sumsOut in
                        Parallel.forEach(iterations: groups) { group in
                            let q0 = group * queryBlock
                            let result = sumGroup(q.baseAddress! + q0 * d, valid: min(queryBlock, m - q0), dimension: d,
                                                  points: p.baseAddress!, stride: stride)
                            for i in 0..<min(queryBlock, m - q0) {
                                nearestOut[q0 + i] = result.nearest[i]
                                sumsOut[q0 + i] = result.sums[i]
                            }
                        }
                    }
                }
            }
        }
        return (nearest, sums)
    }

    /// One group of up to four queries against every training point.
    @inline(__always)
    private static func sumGroup(_ queries: UnsafePointer<Float>, valid: Int, dimension d: Int,
                                 points: UnsafePointer<Float>, stride: Int) -> (nearest: SIMD4<Float>, sums: SIMD4<Double>)
    {
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: d * queryBlock + queryBlock * pointBlock / width) { scratch in
            let broadcast = scratch.baseAddress!
            let distances = broadcast + d * queryBlock
            // Each query coordinate repeated across a vector, so the inner loop only loads.
            for k in 0..<d {
                for i in 0..<queryBlock {
                    broadcast[k * queryBlock + i] = Vector(repeating: i < valid ? queries[i * d + k] : 0)
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
                        b += queryBlock
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
                for i in 0..<queryBlock where blockNearest[i] > nearest[i] {
                    // exp(−∞) = 0 on the first block, where the running sum is still 0.
                    sums[i] *= KDEExp.exp(Double(nearest[i]) - Double(blockNearest[i]))
                    nearest[i] = blockNearest[i]
                }
                for i in 0..<queryBlock {
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
