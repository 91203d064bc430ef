import LinearAlgebra
import Randomness
import Testing

struct PrincipalComponentsRestoringTests {
    static func data() -> Matrix<Float> {
        var g = SeededGenerator(seed: 5)
        return Matrix(rows: 60, columns: 12, elements: (0..<720).map { i in Float(g.nextGaussian()) * Float(1 + i % 12) })
    }

    @Test func restoredProjectionIsBitIdentical() throws {
        let pca = try PrincipalComponents(fitting: Self.data(), componentCount: 3)
        let copy = try PrincipalComponents(mean: pca.mean, components: pca.components,
                                           explainedVariance: pca.explainedVariance, method: pca.method)
        #expect(copy == pca)
        #expect(copy.transform(Self.data()).elements.map(\.bitPattern) == pca.transform(Self.data()).elements.map(\.bitPattern))
    }

    @Test func inconsistentPartsThrow() throws {
        let pca = try PrincipalComponents(fitting: Self.data(), componentCount: 3)
        #expect(throws: LinearAlgebraError.dimensionMismatch(expected: 11, actual: 12)) {
            try PrincipalComponents(mean: Array(pca.mean.dropLast()), components: pca.components,
                                    explainedVariance: pca.explainedVariance, method: .gram)
        }
        #expect(throws: LinearAlgebraError.dimensionMismatch(expected: 3, actual: 2)) {
            try PrincipalComponents(mean: pca.mean, components: pca.components,
                                    explainedVariance: Array(pca.explainedVariance.prefix(2)), method: .gram)
        }
        var bad = pca.mean
        bad[4] = .nan
        #expect(throws: LinearAlgebraError.nonFinite) {
            try PrincipalComponents(mean: bad, components: pca.components, explainedVariance: pca.explainedVariance, method: .gram)
        }
    }
}
