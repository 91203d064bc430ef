import Testing
import LinearAlgebra
@testable import Scoring

@Suite struct DeepSVDDScorerTests {
    @Test func fitsAndScoresMatrixRowsLikeTheModel() throws {
        let p = DeepSVDDTrainingTests.syntheticProblem(seed: 9)
        var config = DeepSVDDConfiguration()
        config.epochs = 3
        var scorer = DeepSVDDScorer(architecture: DeepSVDDTrainingTests.smallMLP, configuration: config)
        #expect(throws: ScoringError.notFitted) { try scorer.score(Matrix(rows: 1, columns: 16)) }
        try scorer.fit(normal: Matrix(rows: 200, columns: 16, elements: p.train.values))
        let direct = try DeepSVDD.train(on: p.train, architecture: DeepSVDDTrainingTests.smallMLP, configuration: config)
        let viaScorer = try scorer.score(Matrix(rows: 60, columns: 16, elements: p.anomalous.values))
        #expect(viaScorer == (try direct.model.scores(p.anomalous)))
        #expect(scorer.warnings.isEmpty)
    }

    @Test func errorsBecomeScoringErrors() {
        var scorer = DeepSVDDScorer(architecture: DeepSVDDTrainingTests.smallMLP)
        #expect(throws: ScoringError.dimensionMismatch(expected: 16, got: 15)) {
            try scorer.fit(normal: Matrix(rows: 4, columns: 15))
        }
        var bad = Matrix<Float>(rows: 4, columns: 16, repeating: 1)
        bad[2, 5] = .infinity
        #expect(throws: ScoringError.nonFinite(row: 2, column: 5)) { try scorer.fit(normal: bad) }
        #expect(throws: ScoringError.tooFewSamples(needed: 2, got: 1)) {
            try scorer.fit(normal: Matrix(rows: 1, columns: 16, repeating: 1))
        }
        #expect(throws: ScoringError.self) { try scorer.fit(normal: Matrix(rows: 4, columns: 16)) }  // all-zero centre
    }
}
