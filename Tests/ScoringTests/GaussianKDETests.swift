import Foundation
import LinearAlgebra
import Randomness
@testable import Scoring
import Testing

struct GaussianKDETests {
    /// Points 0, 1, 2: f = 3^(−1/5) = 0.80274, C = 1, H = f² = 0.64440. At x = 0.5 the distances
    /// are 0.5, 0.5, 1.5, so p = (2·e^(−0.25/1.2888) + e^(−2.25/1.2888)) / (3·√(2π·0.6444))
    /// = (2·0.82367 + 0.17449) / (3·2.01219) = 0.30180, log p = −1.19798 (scipy: −1.197976800407231).
    @Test func oneDimensionalByHand() throws {
        let kde = try GaussianKDE(fitting: Matrix<Float>(rowArrays: [[0], [1], [2]]))
        #expect(abs(kde.bandwidthFactor - 0.8027415617602307) < 1e-15)
        #expect(abs(kde.kernelCovariance[0, 0] - 0.8027415617602307 * 0.8027415617602307) < 1e-15)
        let expected = [-1.197976800407231, -1.388927783171706, -51.45688486151603]
        let queries = Matrix<Float>(rowArrays: [[0.5], [2], [10]])
        for (ours, scipy) in zip(try kde.logDensity(queries), expected) { #expect(abs(ours - scipy) < 1e-5) }
        for (ours, scipy) in zip(try kde.logDensityExact(queries), expected) { #expect(abs(ours - scipy) < 1e-12) }
        #expect(abs(try kde.density(Matrix<Float>(rowArrays: [[0.5]])) [0] - 0.30180) < 1e-5)
    }

    /// A full 2-D covariance, against scipy's `gaussian_kde.logpdf` on the same five points.
    @Test func twoDimensionalMatchesScipy() throws {
        let kde = try GaussianKDE(fitting: Matrix<Float>(rowArrays: [[0, 0], [1, 0], [0, 1], [1, 1], [2, 3]]))
        #expect(abs(kde.bandwidthFactor - 0.76472449133173) < 1e-13)
        let queries = Matrix<Float>(rowArrays: [[0.5, 0.5], [3, -1], [2, 3]])
        let expected = [-1.9148238030970666, -19.5635408482818, -2.442044620902201]
        for (ours, scipy) in zip(try kde.logDensityExact(queries), expected) { #expect(abs(ours - scipy) < 1e-12) }
        for (ours, scipy) in zip(try kde.logDensity(queries), expected) { #expect(abs(ours - scipy) < 1e-5) }
    }

    /// The fast route against the exact Double one: many blocks, a partial last vector, far-out queries.
    @Test func fastRouteAgreesWithExact() throws {
        var g = SeededGenerator(seed: 5)
        let d = 16
        let n = 1_001
        let points = Matrix<Float>(rows: n, columns: d, elements: (0..<(n * d)).map { i in
            Float(g.nextGaussian() * (1 + Double(i % d) * 0.3) + 2) })
        let kde = try GaussianKDE(fitting: points)
        // Queries from inside the cloud out to thousands of nats, where float32 densities are 0.
        var rows: [[Float]] = []
        for q in 0..<37 {
            let spread = q < 20 ? 1.0 : Double(q - 18) * 3
            rows.append((0..<d).map { _ in Float(g.nextGaussian() * spread + 2) })
        }
        let queries = Matrix<Float>(rowArrays: rows)
        let fast = try kde.logDensity(queries)
        let exact = try kde.logDensityExact(queries)
        #expect(exact.min()! < -1000)
        for (f, e) in zip(fast, exact) {
            #expect(f.isFinite)
            #expect(abs(f - e) < 1e-3, "fast \(f) vs exact \(e)")
        }
        #expect(try kde.density(queries).min() == 0)
    }

    /// Training points and queries are treated alike: a common shift changes nothing.
    @Test func translationInvariant() throws {
        let base: [[Float]] = [[0, 0], [1, 0.5], [0.2, 1], [1, 1.3], [2, 3], [-1, 0.4]]
        let shifted = base.map { [$0[0] + 100, $0[1] - 50] }
        let a = try GaussianKDE(fitting: Matrix(rowArrays: base)).logDensity(Matrix(rowArrays: [[0.3, 0.3]]))
        let b = try GaussianKDE(fitting: Matrix(rowArrays: shifted)).logDensity(Matrix(rowArrays: [[100.3, -49.7]]))
        #expect(abs(a[0] - b[0]) < 1e-4)
    }

    @Test func errorsNameTheProblem() {
        #expect(throws: ScoringError.tooFewSamples(needed: 3, got: 2)) {
            try GaussianKDE(fitting: Matrix<Float>(rowArrays: [[0, 1], [1, 0]]))
        }
        // The second feature is twice the first: the covariance is singular at pivot 1.
        #expect(throws: ScoringError.notPositiveDefinite(pivot: 1)) {
            try GaussianKDE(fitting: Matrix<Float>(rowArrays: [[0, 0], [1, 2], [2, 4], [3, 6]]))
        }
        #expect(throws: ScoringError.nonFinite(row: 1, column: 0)) {
            try GaussianKDE(fitting: Matrix<Float>(rowArrays: [[0, 0], [.infinity, 2], [2, 1], [3, 6]]))
        }
        #expect(throws: ScoringError.tooFewFeatures(needed: 1, got: 0)) {
            try GaussianKDE(fitting: Matrix<Float>(rows: 3, columns: 0))
        }
        let kde = try? GaussianKDE(fitting: Matrix<Float>(rowArrays: [[0], [1], [2]]))
        #expect(throws: ScoringError.dimensionMismatch(expected: 1, got: 2)) {
            try kde?.logDensity(Matrix<Float>(rowArrays: [[0, 1]]))
        }
        #expect(throws: ScoringError.nonFinite(row: 0, column: 0)) {
            try kde?.logDensity(Matrix<Float>(rowArrays: [[.nan]]))
        }
    }

    /// The vector exponential against libm, over the whole range the kernel uses.
    @Test func vectorExpIsAccurate() {
        var worst: Float = 0
        var x: Float = -87
        while x <= 0 {
            let v = KDEExp.exp(SIMD8<Float>(repeating: x) + SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7) * -1e-3)
            for i in 0..<8 {
                let arg = Double(x) - Double(i) * 1e-3
                guard arg >= -87 else { continue }
                worst = max(worst, Float(abs(Double(v[i]) / Foundation.exp(Double(Float(arg))) - 1)))
            }
            x += 0.0137
        }
        #expect(worst < 1e-6)
        #expect(KDEExp.exp(SIMD8<Float>(repeating: 0))[0] == 1)
        #expect(KDEExp.exp(SIMD8<Float>(repeating: -1e30))[0] < 2e-38)
    }
}
