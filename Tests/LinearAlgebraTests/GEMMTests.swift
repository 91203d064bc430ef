import LinearAlgebra
import Testing

struct GEMMTests {
    /// Odd shapes exercise the partial micro-tiles, several k-blocks and the two-core split.
    @Test(arguments: [(1, 1, 1), (3, 5, 7), (4, 8, 256), (5, 9, 257), (17, 33, 300), (129, 7, 513), (300, 70, 40), (2, 600, 3)])
    func floatProductMatchesNaive(m: Int, n: Int, k: Int) {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a: Matrix<Float> = TestMatrices.gaussian(ta ? k : m, ta ? m : k, seed: UInt64(m * 1000 + k))
            let b: Matrix<Float> = TestMatrices.gaussian(tb ? n : k, tb ? k : n, seed: UInt64(n * 7 + k))
            let c = Matrix.product(a, b, transposeA: ta, transposeB: tb)
            let reference = TestMatrices.naiveProduct(a, b, transposeA: ta, transposeB: tb)
            #expect(c.rows == m && c.columns == n)
            var worst = 0.0
            for i in 0..<(m * n) { worst = max(worst, abs(Double(c.elements[i]) - reference.elements[i])) }
            // Float sums of k unit-variance products: rounding grows like sqrt(k)·ε·sqrt(k).
            #expect(worst < 1e-5 * Double(k) + 1e-6, "m=\(m) n=\(n) k=\(k) tA=\(ta) tB=\(tb)")
        }
    }

    @Test(arguments: [(3, 5, 7), (130, 9, 300), (9, 130, 257)])
    func doubleProductMatchesNaive(m: Int, n: Int, k: Int) {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a: Matrix<Double> = TestMatrices.gaussian(ta ? k : m, ta ? m : k, seed: 11)
            let b: Matrix<Double> = TestMatrices.gaussian(tb ? n : k, tb ? k : n, seed: 12)
            let c = Matrix.product(a, b, transposeA: ta, transposeB: tb)
            let reference = TestMatrices.naiveProduct(a, b, transposeA: ta, transposeB: tb)
            for i in 0..<(m * n) { #expect(abs(c.elements[i] - reference.elements[i]) < 1e-11) }
        }
    }

    @Test func handWorkedProduct() {
        let a = Matrix<Double>(rowArrays: [[1, 2, 3], [4, 5, 6]])
        let b = Matrix<Double>(rowArrays: [[7, 8], [9, 10], [11, 12]])
        #expect((a * b).elements == [58, 64, 139, 154])
        #expect(Matrix.product(a, a, transposeB: true).elements == [14, 32, 32, 77])
        #expect(a.multiplied(by: [1, 0, -1]) == [-2, -2])
    }

    @Test func emptyInnerDimensionGivesZeros() {
        let a = Matrix<Float>(rows: 3, columns: 0)
        let b = Matrix<Float>(rows: 0, columns: 2)
        #expect((a * b).elements == [0, 0, 0, 0, 0, 0])
    }

    @Test func transposeRoundTrips() {
        let a: Matrix<Float> = TestMatrices.gaussian(37, 45, seed: 3)
        #expect(a.transposed.transposed == a)
        #expect(a.transposed[4, 36] == a[36, 4])
    }
}
