import Foundation
import Randomness
import Testing
@testable import Scoring

/// Both routes of the KDE pair sum (tⱼ from the GEMM, used on AVX2/FMA CPUs, and the fused loop,
/// used with the portable kernel) against a `Double` log-sum-exp.
struct GaussianKDEKernelTests {
    /// Points in the kernel's layout: dimension-major rows of length `stride` (n rounded up to 8),
    /// then the −½‖zⱼ‖² row, padding points at the origin with `KDEKernel.padding`.
    static func layout(_ points: [Double], count n: Int, dimension d: Int) -> (values: [Float], stride: Int) {
        let stride = (n + 7) / 8 * 8
        var values = [Float](repeating: 0, count: (d + 1) * stride)
        for j in 0..<stride { values[d * stride + j] = KDEKernel.padding }
        for j in 0..<n {
            var norm = 0.0
            for k in 0..<d {
                values[k * stride + j] = Float(points[j * d + k])
                norm += points[j * d + k] * points[j * d + k]
            }
            values[d * stride + j] = Float(-0.5 * norm)
        }
        return (values, stride)
    }

    /// (queries, points, dimension): one span and several (the GEMM route takes 1280 points per product
    /// at d = 16), ragged query groups on both routes, and a low dimension.
    @Test(arguments: [(37, 1000, 16), (5, 3001, 16), (50, 2049, 17), (9, 300, 3)])
    func bothRoutesMatchADoubleLogSumExp(m: Int, n: Int, d: Int) {
        var g = SeededGenerator(seed: UInt64(m * 7 + n * 13 + d))
        let points = (0..<(n * d)).map { _ in g.nextGaussian() }
        let queries = (0..<(m * d)).map { _ in Float(g.nextGaussian()) }
        let (values, stride) = Self.layout(points, count: n, dimension: d)
        var expected: [Double] = []
        for i in 0..<m {
            // tⱼ = zq·zⱼ − ½‖zⱼ‖².
            let t = (0..<n).map { j in
                (0..<d).reduce(0.0) { s, k in s + (Double(queries[i * d + k]) - 0.5 * points[j * d + k]) * points[j * d + k] }
            }
            let top = t.max()!
            expected.append(top + Foundation.log(t.reduce(0.0) { $0 + Foundation.exp($1 - top) }))
        }
        let routes = [
            ("GEMM", KDEKernel.sumExponentialsByGEMM(queries: queries, count: m, dimension: d, points: values, stride: stride)),
            ("fused", KDEKernel.sumExponentialsFused(queries: queries, count: m, dimension: d, points: values, stride: stride)),
        ]
        for (name, result) in routes {
            var worst = 0.0
            for i in 0..<m { worst = max(worst, abs(Double(result.best[i]) + Foundation.log(result.sums[i]) - expected[i])) }
            // float32 tⱼ of magnitude up to ~50: rounding ~1e-5 nats.
            #expect(worst < 1e-4, "\(name) route, m=\(m) n=\(n) d=\(d): off by \(worst) nats")
        }
    }
}
