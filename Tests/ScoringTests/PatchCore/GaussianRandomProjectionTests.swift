import LinearAlgebra
import Randomness
@testable import Scoring
import Testing

struct GaussianRandomProjectionTests {
    @Test func entriesHaveVarianceOneOverKAndTheSameSeedGivesTheSameMatrix() {
        var g = SeededGenerator(seed: 1)
        let p = GaussianRandomProjection(inputDimension: 152, outputDimension: 64, using: &g)
        let e = p.matrix.elements.map(Double.init)
        let mean = e.reduce(0, +) / Double(e.count)
        let variance = e.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(e.count - 1)
        // 9,728 entries: the mean's standard error is 0.0013, the variance's about 2.3e-4 (relative 1.4%).
        #expect(abs(mean) < 0.005)
        #expect(abs(variance * 64 - 1) < 0.06)
        var again = SeededGenerator(seed: 1)
        #expect(GaussianRandomProjection(inputDimension: 152, outputDimension: 64, using: &again) == p)
        var other = SeededGenerator(seed: 2)
        #expect(GaussianRandomProjection(inputDimension: 152, outputDimension: 64, using: &other) != p)
    }

    @Test func squaredLengthsArePreservedOnAverage() {
        // E‖xR‖² = ‖x‖², with a relative spread of √(2/k) = 0.18 per draw at k = 64; 300 draws put the mean within 0.04.
        let x = NearestNeighborsTests.gaussian(1, 152, seed: 3)
        let length = x.elements.reduce(0.0) { $0 + Double($1) * Double($1) }
        var g = SeededGenerator(seed: 4)
        var ratios: [Double] = []
        for _ in 0..<300 {
            let y = GaussianRandomProjection(inputDimension: 152, outputDimension: 64, using: &g).project(x)
            ratios.append(y.elements.reduce(0.0) { $0 + Double($1) * Double($1) } / length)
        }
        let mean = ratios.reduce(0, +) / 300
        #expect(abs(mean - 1) < 0.04, "mean ratio \(mean)")
        let spread = (ratios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 299).squareRoot()
        #expect(abs(spread - (2.0 / 64).squareRoot()) < 0.05, "spread \(spread)")
    }
}
