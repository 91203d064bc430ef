import Foundation
import LinearAlgebra
import Randomness
import Scoring
import Testing

struct KDEClassifierTests {
    /// Good samples with standard deviation 1/(j+1) in feature j; `offset` shifts feature 0, the top principal axis.
    static func data(rows n: Int, seed: UInt64, offset: Float = 0) -> Matrix<Float> {
        var g = SeededGenerator(seed: seed)
        return Matrix(rows: n, columns: 40, elements: (0..<(n * 40)).map { i in
            Float(g.nextGaussian() / Double(1 + i % 40)) + (i % 40 == 0 ? offset : 0) })
    }

    @Test func probabilitiesSquash() {
        #expect(KDEClassifier.computeProbabilities(12) == 0.5)
        #expect(abs(KDEClassifier.computeProbabilities(0) - 0.6456563062257954) < 1e-15)
        #expect(KDEClassifier.computeProbabilities(-100) > KDEClassifier.computeProbabilities(50))
    }

    @Test func anomaliesScoreHigher() throws {
        var classifier = KDEClassifier(componentCount: 4)
        try classifier.fit(normal: Self.data(rows: 300, seed: 1))
        let good = try classifier.score(Self.data(rows: 50, seed: 2))
        let bad = try classifier.score(Self.data(rows: 50, seed: 3, offset: 6))
        #expect(good.max()! < bad.min()!)
        // score = −log-density, predict = squash of the log-density.
        let x = Self.data(rows: 3, seed: 4)
        let log = try classifier.computeKDEScores(x)
        #expect(try classifier.score(x) == log.map { -$0 })
        #expect(try classifier.predict(x) == log.map(KDEClassifier.computeProbabilities))
        let plain = try classifier.computeKDEScores(x, asLogLikelihood: false)
        for (p, l) in zip(plain, log) { #expect(abs(p - exp(l)) <= 1e-12 * p) }
        #expect(classifier.model?.kde.dimension == 4)
    }

    /// N ≤ k fails clearly; so do unfitted use, wrong widths and bad configuration.
    @Test func errorsNameTheProblem() throws {
        var classifier = KDEClassifier()
        #expect(throws: ScoringError.notFitted) { try classifier.score(Self.data(rows: 2, seed: 1)) }
        #expect(throws: ScoringError.tooFewSamples(needed: 17, got: 16)) {
            try classifier.fit(normal: Self.data(rows: 16, seed: 1))
        }
        #expect(throws: ScoringError.tooFewSamples(needed: 17, got: 5)) {
            try classifier.fit(normal: Self.data(rows: 5, seed: 1))
        }
        #expect(throws: ScoringError.tooFewFeatures(needed: 16, got: 10)) {
            try classifier.fit(normal: Matrix<Float>(rows: 30, columns: 10))
        }
        var bad = Self.data(rows: 40, seed: 1)
        bad[7, 3] = .nan
        #expect(throws: ScoringError.nonFinite(row: 7, column: 3)) { try classifier.fit(normal: bad) }
        try classifier.fit(normal: Self.data(rows: 40, seed: 1))
        #expect(throws: ScoringError.dimensionMismatch(expected: 40, got: 39)) {
            try classifier.score(Matrix<Float>(rows: 1, columns: 39))
        }
        #expect(throws: ScoringError.invalidConfiguration("unknown feature scaling \"max\" (expected scale or norm)")) {
            try KDEClassifier.FeatureScaling(parsing: "max")
        }
        #expect(try KDEClassifier.FeatureScaling(parsing: "norm") == .norm)
        var zero = KDEClassifier(componentCount: 0)
        #expect(throws: ScoringError.invalidConfiguration("componentCount must be at least 1, got 0")) {
            try zero.fit(normal: Self.data(rows: 40, seed: 1))
        }
    }

    /// Above maxTrainingPoints a seeded subset is used: the same seed repeats, another seed differs.
    @Test func seededSubsampling() throws {
        let x = Self.data(rows: 400, seed: 9)
        var a = KDEClassifier(componentCount: 3, maxTrainingPoints: 100, seed: 1)
        var b = a
        var c = KDEClassifier(componentCount: 3, maxTrainingPoints: 100, seed: 2)
        try a.fit(normal: x)
        try b.fit(normal: x)
        try c.fit(normal: x)
        #expect(a.model?.kde.count == 100)
        let q = Self.data(rows: 5, seed: 10)
        #expect(try a.score(q) == b.score(q))
        #expect(try a.score(q) != c.score(q))
    }

    /// With `.scale` the projected training data already has zero mean, so the quirk changes nothing;
    /// with `.norm` it does.
    @Test func compatibilityQuirkMattersOnlyForNorm() throws {
        let x = Self.data(rows: 200, seed: 11)
        let q = Self.data(rows: 20, seed: 12, offset: 0.5)
        func scores(_ scaling: KDEClassifier.FeatureScaling, _ compatible: Bool) throws -> [Double] {
            var classifier = KDEClassifier(componentCount: 5, featureScaling: scaling, anomalibCompatible: compatible)
            try classifier.fit(normal: x)
            return try classifier.score(q)
        }
        let plain = try scores(.scale, false)
        for (s, t) in zip(plain, try scores(.scale, true)) { #expect(abs(s - t) < 1e-3) }
        let norm = try scores(.norm, false)
        let quirk = try scores(.norm, true)
        #expect(zip(norm, quirk).map { abs($0 - $1) }.max()! > 1e-2)
    }

    /// A user's model adapts through a closure, and plugs in wherever a scorer of feature batches does.
    @Test func closureScorerAdaptsAModelAndRefusesPatchGrids() throws {
        var scorer: any AnomalyScorer = ClosureScorer { features in Double(features.reduce(0, +)) }
        try scorer.fit(normal: FeatureBatch(vectors: Matrix<Float>(rows: 0, columns: 2)))
        #expect(try scorer.score(FeatureBatch(vectors: Matrix<Float>(rowArrays: [[1, 2], [3, 4]]))) == [3, 7])
        let grid = FeatureBatch(rows: Matrix<Float>(rowArrays: [[1, 2], [3, 4]]), grids: [.init(height: 1, width: 2)])
        #expect(throws: ScoringError.notVectors(sample: 0, height: 1, width: 2)) { try scorer.score(grid) }
    }
}
