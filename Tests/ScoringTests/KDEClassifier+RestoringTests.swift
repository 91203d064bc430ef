import LinearAlgebra
import Randomness
import Scoring
import Testing

struct KDEClassifierRestoringTests {
    static func fitted(_ scaling: KDEClassifier.FeatureScaling = .scale, compatible: Bool = false) throws -> KDEClassifier {
        var c = KDEClassifier(componentCount: 5, featureScaling: scaling, anomalibCompatible: compatible, seed: 3)
        try c.fit(normal: KDEClassifierTests.data(rows: 120, seed: 11))
        return c
    }

    /// Rebuilds from the parts a detector file stores: PCA arrays, maxLength and the KDE's points.
    static func restored(_ c: KDEClassifier) throws -> KDEClassifier {
        let m = try #require(c.model)
        let pca = try PrincipalComponents(mean: m.pca.mean, components: m.pca.components,
                                          explainedVariance: m.pca.explainedVariance, method: m.pca.method)
        let model = KDEClassifier.Model(pca: pca, maxLength: m.maxLength, kde: try GaussianKDE(fitting: m.kde.points))
        return try KDEClassifier(restoring: model, featureScaling: c.featureScaling, anomalibCompatible: c.anomalibCompatible)
    }

    @Test(arguments: [(KDEClassifier.FeatureScaling.scale, false), (.norm, false), (.norm, true)])
    func restoredScoresAreBitIdentical(scaling: KDEClassifier.FeatureScaling, compatible: Bool) throws {
        let original = try Self.fitted(scaling, compatible: compatible)
        let copy = try Self.restored(original)
        let queries = KDEClassifierTests.data(rows: 40, seed: 12, offset: 2)
        let a = try original.score(queries), b = try copy.score(queries)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        #expect(copy.componentCount == 5)
    }

    @Test func mismatchedPartsAreRejected() throws {
        let m = try #require(try Self.fitted().model)
        // A KDE over 4 dimensions cannot follow a 5-component PCA.
        var fourColumns = [Float]()
        for i in 0..<m.kde.points.rows { fourColumns += Array(m.kde.points.row(i).prefix(4)) }
        let kde4 = try GaussianKDE(fitting: Matrix(rows: m.kde.points.rows, columns: 4, elements: fourColumns))
        #expect(throws: ScoringError.dimensionMismatch(expected: 5, got: 4)) {
            try KDEClassifier(restoring: KDEClassifier.Model(pca: m.pca, maxLength: m.maxLength, kde: kde4), featureScaling: .scale)
        }
        #expect(throws: ScoringError.self) {
            try KDEClassifier(restoring: KDEClassifier.Model(pca: m.pca, maxLength: 0, kde: m.kde), featureScaling: .scale)
        }
    }
}
