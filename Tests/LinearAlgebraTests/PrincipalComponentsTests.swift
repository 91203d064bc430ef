import LinearAlgebra
import Randomness
import Testing

struct PrincipalComponentsTests {
    /// N×D samples with variance 1/i along a hidden orthonormal axis i, plus an offset mean.
    static func decayingData(rows n: Int, columns d: Int, seed: UInt64) -> Matrix<Float> {
        let axes = TestMatrices.orthonormalBasis(d, seed: seed)
        var g = SeededGenerator(seed: seed + 1)
        var x = Matrix<Float>(rows: n, columns: d)
        for i in 0..<n {
            var row = [Double](repeating: 3, count: d)
            for a in 0..<d {
                let c = g.nextGaussian() / Double(a + 1).squareRoot()
                for t in 0..<d { row[t] += c * axes[a, t] }
            }
            for t in 0..<d { x[i, t] = Float(row[t]) }
        }
        return x
    }

    @Test func everyRouteFindsTheSameSubspace() throws {
        for (n, d) in [(60, 90), (300, 40)] {
            let x = Self.decayingData(rows: n, columns: d, seed: UInt64(n))
            let gram = try PrincipalComponents(fitting: x, componentCount: 5, method: .gram)
            let cov = try PrincipalComponents(fitting: x, componentCount: 5, method: .covariance)
            let rnd = try PrincipalComponents(fitting: x, componentCount: 5, method: .randomized(RandomizedPCAOptions(seed: 7)))
            #expect(principalAngles(Matrix<Double>(gram.components), Matrix<Double>(cov.components)).max()! < 1e-6)
            #expect(principalAngles(Matrix<Double>(gram.components), Matrix<Double>(rnd.components)).max()! < 1e-4)
            for i in 0..<5 {
                #expect(abs(gram.explainedVariance[i] - cov.explainedVariance[i]) < 1e-9 * cov.explainedVariance[0])
                #expect(abs(rnd.explainedVariance[i] - cov.explainedVariance[i]) < 1e-5 * cov.explainedVariance[0])
            }
            #expect(gram.method == .gram && cov.iterations == 0 && rnd.iterations >= 2)
        }
    }

    /// A tight tolerance runs past the 16-block basis limit (here D = 40 rows), through a thick restart.
    @Test func randomizedRouteSurvivesRestartsAndTinyInputs() throws {
        let x = Self.decayingData(rows: 300, columns: 40, seed: 21)
        let exact = try PrincipalComponents(fitting: x, componentCount: 5, method: .covariance)
        let options = RandomizedPCAOptions(maxIterations: 12, tolerance: 1e-12, seed: 3)
        let long = try PrincipalComponents(fitting: x, componentCount: 5, method: .randomized(options))
        #expect(long.iterations == 12)
        #expect(principalAngles(Matrix<Double>(long.components), Matrix<Double>(exact.components)).max()! < 1e-4)
        // Too few samples for two blocks of 9: answered exactly by the Gram route.
        let small = Self.decayingData(rows: 12, columns: 40, seed: 22)
        let tiny = try PrincipalComponents(fitting: small, componentCount: 5, method: .randomized(RandomizedPCAOptions()))
        let gram = try PrincipalComponents(fitting: small, componentCount: 5, method: .gram)
        #expect(tiny.iterations == 0)
        #expect(principalAngles(Matrix<Double>(tiny.components), Matrix<Double>(gram.components)).max()! < 1e-6)
    }

    @Test func handWorkedTwoDimensionalCase() throws {
        // Points on the line y = x (plus the mean (1, 2)): the first axis is (1, 1)/√2.
        let x = Matrix<Float>(rowArrays: [[0, 1], [1, 2], [2, 3], [1, 2]])
        let p = try PrincipalComponents(fitting: x, componentCount: 1)
        #expect(p.mean == [1, 2])
        #expect(abs(p.components[0, 0] - Float(0.5).squareRoot()) < 1e-6 && abs(p.components[0, 1] - Float(0.5).squareRoot()) < 1e-6)
        // Variance along the axis: squared distances 2, 0, 2, 0 over n − 1 = 3.
        #expect(abs(p.explainedVariance[0] - 4.0 / 3) < 1e-12)
        let projected = p.transform(Matrix<Float>(rowArrays: [[2, 3], [1, 2]]))
        #expect(abs(projected[0, 0] - Float(2).squareRoot()) < 1e-6 && projected[1, 0] == 0)
    }

    @Test func signsAreFixedAndComponentsOrthonormal() throws {
        let x = Self.decayingData(rows: 80, columns: 30, seed: 4)
        let p = try PrincipalComponents(fitting: x, componentCount: 6)
        for i in 0..<6 {
            let row = p.components.row(i)
            #expect(row.max(by: { abs($0) < abs($1) })! > 0)
            for j in 0..<6 {
                let dot = zip(row, p.components.row(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-5)
            }
        }
        // Projected training data is centred.
        let z = p.transform(x)
        for j in 0..<6 { #expect(abs(z.column(j).reduce(0, +) / 80) < 1e-4) }
    }

    @Test func automaticRouteFollowsShape() {
        #expect(PCAMethod.automatic(rows: 209, columns: 1280, components: 16) == .gram)
        #expect(PCAMethod.automatic(rows: 40000, columns: 16, components: 16) == .covariance)
        #expect(PCAMethod.automatic(rows: 2000, columns: 1280, components: 16) == .randomized(RandomizedPCAOptions()))
        #expect(PCAMethod.automatic(rows: 10000, columns: 1280, components: 16) == .randomized(RandomizedPCAOptions()))
        #expect(PCAMethod.automatic(rows: 634, columns: 1280, components: 16) == .gram)
        #expect(PCAMethod.automatic(rows: 1000, columns: 1280, components: 16) == .randomized(RandomizedPCAOptions()))
    }

    @Test func errorsNameTheProblem() {
        let x = Matrix<Float>(rowArrays: [[1, 2, 3], [4, 5, 6], [7, 8, 10]])
        #expect(throws: LinearAlgebraError.tooManyComponents(requested: 3, available: 2)) {
            try PrincipalComponents(fitting: x, componentCount: 3)
        }
        #expect(throws: LinearAlgebraError.tooFewSamples(needed: 2, got: 1)) {
            try PrincipalComponents(fitting: Matrix<Float>(rowArrays: [[1, 2]]), componentCount: 1)
        }
        #expect(throws: LinearAlgebraError.nonFinite) {
            try PrincipalComponents(fitting: Matrix<Float>(rowArrays: [[1, .nan], [2, 3], [4, 4]]), componentCount: 1)
        }
    }

    @Test func duplicateRowsStillGiveAnOrthonormalBasis() throws {
        // Rank one after centring, but two components asked: the second is completed, not NaN.
        let x = Matrix<Float>(rowArrays: [[1, 1, 0], [2, 2, 0], [3, 3, 0]])
        let p = try PrincipalComponents(fitting: x, componentCount: 2, method: .gram)
        #expect(p.components.isFinite)
        let dot = zip(p.components.row(0), p.components.row(1)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(abs(dot) < 1e-6)
    }

    @Test func principalAnglesByHand() {
        // The x-axis against the line at 30° in the xy-plane.
        let a = Matrix<Double>(rowArrays: [[1, 0, 0]])
        let b = Matrix<Double>(rowArrays: [[Double(3).squareRoot() / 2, 0.5, 0]])
        #expect(abs(principalAngles(a, b)[0] - Double.pi / 6) < 1e-12)
        #expect(principalAngles(a, a)[0] == 0)
    }
}
