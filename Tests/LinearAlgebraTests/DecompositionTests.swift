import Foundation
import LinearAlgebra
import Testing

struct SymmetricEigenTests {
    @Test func twoByTwoByHand() throws {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, 1)/√2 and (1, −1)/√2.
        let e = try SymmetricEigen(Matrix<Double>(rowArrays: [[2, 1], [1, 2]]))
        #expect(abs(e.values[0] - 3) < 1e-14 && abs(e.values[1] - 1) < 1e-14)
        #expect(abs(abs(e.vectors[0, 0]) - 0.5.squareRoot()) < 1e-14)
        #expect(abs(e.vectors[0, 0] - e.vectors[0, 1]) < 1e-14)
        #expect(abs(e.vectors[1, 0] + e.vectors[1, 1]) < 1e-14)
    }

    @Test func diagonalAndOneByOne() throws {
        let e = try SymmetricEigen(Matrix<Double>(rowArrays: [[1, 0, 0], [0, 5, 0], [0, 0, -2]]))
        #expect(e.values == [5, 1, -2])
        #expect(try SymmetricEigen(Matrix<Double>(rowArrays: [[4]])).values == [4])
    }

    @Test(arguments: [5, 40, 150])
    func recoversKnownSpectrum(n: Int) throws {
        // Includes a repeated eigenvalue and a negative one.
        var spectrum = (0..<n).map { Double(n - $0) * 0.5 }
        spectrum[1] = spectrum[0]
        spectrum[n - 1] = -3
        let a = TestMatrices.symmetric(eigenvalues: spectrum, seed: UInt64(n))
        let e = try SymmetricEigen(a)
        let sorted = spectrum.sorted(by: >)
        for i in 0..<n { #expect(abs(e.values[i] - sorted[i]) < 1e-10 * Double(n)) }
        // A v = λ v and orthonormal rows.
        for i in 0..<n {
            let v = e.vectors.row(i)
            let av = a.multiplied(by: v)
            let residual = zip(av, v).map { abs($0 - e.values[i] * $1) }.max()!
            #expect(residual < 1e-10 * Double(n))
            for j in 0..<n {
                let dot = zip(v, e.vectors.row(j)).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-12 * Double(n))
            }
        }
    }

    @Test func rejectsNonSquareAndNonFinite() {
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) {
            try SymmetricEigen(Matrix<Double>(rows: 2, columns: 3))
        }
        #expect(throws: LinearAlgebraError.nonFinite) {
            try SymmetricEigen(Matrix<Double>(rowArrays: [[1, .nan], [.nan, 1]]))
        }
    }
}

struct CholeskyTests {
    @Test func handWorkedFactor() throws {
        // [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]].
        let c = try Cholesky(Matrix<Double>(rowArrays: [[4, 2], [2, 3]]))
        #expect(c.lower.elements == [2, 0, 1, 2.0.squareRoot()])
        #expect(abs(c.logDeterminant - log(8)) < 1e-14)
        let x = c.solve([2, 1])
        #expect(abs(x[0] - 0.5) < 1e-14 && abs(x[1]) < 1e-14)
    }

    @Test func notPositiveDefiniteNamesThePivot() {
        // Eigenvalues 3 and −1: the second pivot is 1 − 4 = −3.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(pivot: 1, value: -3)) {
            try Cholesky(Matrix<Double>(rowArrays: [[1, 2], [2, 1]]))
        }
        // Singular (rank one): the second pivot is exactly zero.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(pivot: 1, value: 0)) {
            try Cholesky(Matrix<Double>(rowArrays: [[1, 1], [1, 1]]))
        }
    }

    @Test func reconstructsRandomSPD() throws {
        let a = TestMatrices.symmetric(eigenvalues: (1...30).map { Double($0) }, seed: 9)
        let l = try Cholesky(a).lower
        let back = Matrix.product(l, l, transposeB: true)
        for i in 0..<a.elements.count { #expect(abs(back.elements[i] - a.elements[i]) < 1e-12) }
    }
}

struct SolveTests {
    @Test func triangularSolvesByHand() {
        let l = Matrix<Double>(rowArrays: [[2, 0, 0], [1, 1, 0], [3, 2, 4]])
        #expect(solveLowerTriangular(l, [2, 3, 13]) == [1, 2, 1.5])
        #expect(solveUpperTriangular(l.transposed, [9, 5, 4]) == [1.5, 3, 1])
        #expect(solveUpperTriangular(l, [9, 5, 4], transposed: true) == [1.5, 3, 1])
        let x = solveLowerTriangular(l, Matrix<Double>(rowArrays: [[2, 4], [3, 6], [13, 26]]))
        #expect(x.elements == [1, 2, 2, 4, 1.5, 3])
    }

    @Test func generalSolveNeedsPivoting() throws {
        // A zero in the (0, 0) position forces a row swap.
        let a = Matrix<Double>(rowArrays: [[0, 1, 2], [1, 0, 3], [4, -3, 8]])
        let x = try solve(a, [8, 10, 22])
        let expected = [1.0, 2, 3]
        for i in 0..<3 { #expect(abs(x[i] - expected[i]) < 1e-13) }
        #expect(abs(try LUDecomposition(a).determinant - (-2)) < 1e-13)
    }

    @Test func singularMatrixIsReported() {
        #expect(throws: LinearAlgebraError.singular(column: 1)) {
            try solve(Matrix<Double>(rowArrays: [[1, 2], [2, 4]]), [1, 2])
        }
        #expect(throws: LinearAlgebraError.dimensionMismatch(expected: 2, actual: 3)) {
            try solve(Matrix<Double>.identity(2), [1, 2, 3])
        }
    }

    @Test func covarianceByHand() {
        // Columns (1, 2, 3) and (2, 4, 9): variances 1 and 13, covariance 3.5.
        let c = covariance(Matrix<Float>(rowArrays: [[1, 2], [2, 4], [3, 9]]))
        #expect(c.elements == [1, 3.5, 3.5, 13])
        #expect(columnMeans(Matrix<Float>(rowArrays: [[1, 2], [2, 4], [3, 9]])) == [2, 5])
    }
}
