import Foundation
import LinearAlgebra

// The KDE pair sum: the only hot loop of the Gaussian KDE. For every query it needs
// Σⱼ exp(−½‖zq − zⱼ‖²) over whitened training points, which is m·n·d subtract-multiply-
// adds plus m·n exponentials. Differences are taken directly (not via ‖a‖² + ‖b‖² − 2a·b)
// so a far-out query loses no precision to cancellation.

/// Blocked, vectorised evaluation of Gaussian-kernel sums in whitened coordinates.
enum KDEKernel {
    typealias Vector = SIMD8<Float>
    /// Training points handled per vector.
    static let width = Vector.scalarCount
    /// Coordinate given to padding points: squared distances of ~1e30 weigh nothing, and stay finite in float32.
    static let farAway: Float = 1e15
    /// Queries sharing each load of training coordinates (4 accumulators of 2 SSE registers each).
    static let queryBlock = 4
    /// Training points per block: the block's squared distances (4 × 256 floats) stay in L1.
    static let pointBlock = 256
    /// Nearest squared distance beyond which a query is redone in `Double`: float32 coordinates
    /// of size √400 = 20 carry rounding of ~1e-6 each, already ~1e-4 nats in the sum.
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

    /// For each query, the smallest squared distance δ to a training point and Σⱼ exp(−½(‖zq − zⱼ‖² − δ)).
    ///
    /// The sum is taken relative to the nearest point, found block by block: when a later
    /// block holds a nearer point, the running sum is rescaled (the streaming log-sum-exp).
    /// Each block's terms are summed in float32 lanes (at most 32 terms each, all ≤ 1) and
    /// added to a `Double` total.
    /// - Parameters:
    ///   - queries: whitened queries, row-major count×dimension.
    ///   - points: whitened training points, dimension-major with row length `stride` (a multiple of 8).
    /// - Complexity: O(count · stride · dimension), over all cores.
    static func sumExponentials(queries: [Float], count m: Int, dimension d: Int, points: [Float], stride: Int)
        -> (nearest: [Float], sums: [Double])
    {
        var nearest = [Float](repeating: .infinity, count: m)
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
            var nearest = SIMD4<Float>(repeating: .infinity)
            var sums = SIMD4<Double>(repeating: 0)
            let rawPoints = UnsafeRawPointer(points)
            let vectorsPerBlock = pointBlock / width
            for j0 in Swift.stride(from: 0, to: stride, by: pointBlock) {
                let vectors = min(pointBlock, stride - j0) / width
                var m0 = Vector(repeating: .infinity), m1 = m0, m2 = m0, m3 = m0
                for v in 0..<vectors {
                    var a0 = Vector(), a1 = Vector(), a2 = Vector(), a3 = Vector()
                    var offset = (j0 + v * width) * MemoryLayout<Float>.stride
                    var b = broadcast
                    for _ in 0..<d {
                        let t = rawPoints.loadUnaligned(fromByteOffset: offset, as: Vector.self)
                        let e0 = t - b[0], e1 = t - b[1], e2 = t - b[2], e3 = t - b[3]
                        a0 += e0 * e0
                        a1 += e1 * e1
                        a2 += e2 * e2
                        a3 += e3 * e3
                        offset += stride * MemoryLayout<Float>.stride
                        b += queryBlock
                    }
                    distances[v] = a0
                    distances[vectorsPerBlock + v] = a1
                    distances[2 * vectorsPerBlock + v] = a2
                    distances[3 * vectorsPerBlock + v] = a3
                    m0 = m0.replacing(with: a0, where: a0 .< m0)
                    m1 = m1.replacing(with: a1, where: a1 .< m1)
                    m2 = m2.replacing(with: a2, where: a2 .< m2)
                    m3 = m3.replacing(with: a3, where: a3 .< m3)
                }
                let blockNearest = SIMD4<Float>(m0.min(), m1.min(), m2.min(), m3.min())
                for i in 0..<queryBlock where blockNearest[i] < nearest[i] {
                    // exp(−∞) = 0 on the first block, where the running sum is still 0.
                    sums[i] *= KDEExp.exp(0.5 * Double(blockNearest[i] - nearest[i]))
                    nearest[i] = blockNearest[i]
                }
                for i in 0..<queryBlock {
                    let reference = Vector(repeating: nearest[i])
                    var s = Vector()
                    let row = distances + i * vectorsPerBlock
                    for v in 0..<vectors {
                        s += KDEExp.exp((reference - row[v]) * 0.5)
                    }
                    sums[i] += Double(s.sum())
                }
            }
            return (nearest, sums)
        }
    }
}
