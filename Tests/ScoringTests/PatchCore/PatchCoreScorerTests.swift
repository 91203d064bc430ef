import Foundation
import LinearAlgebra
import Randomness
@testable import Scoring
import Testing

struct PatchCoreScorerTests {
    /// `count` samples of `side` × `side` grids of N(0, 1) patches in `dimension` dimensions, drawn at 8 px per patch.
    static func grids(_ count: Int, side: Int = 8, dimension: Int = 6, seed: UInt64) -> FeatureBatch {
        let rows = NearestNeighborsTests.gaussian(count * side * side, dimension, seed: seed)
        return FeatureBatch(rows: rows, grids: Array(repeating: FeatureBatch.Grid(height: side, width: side, inputHeight: 8 * side,
                                                                                   inputWidth: 8 * side), count: count))
    }

    /// Normal samples with one far patch planted in the last one, at grid row 3, column 5.
    static func withPlantedPatch(seed: UInt64) -> FeatureBatch {
        var batch = grids(6, seed: seed)
        var elements = batch.rows.elements
        let row = batch.rowRange(of: 5).lowerBound + 3 * 8 + 5
        for k in 0..<6 { elements[row * 6 + k] = 20 }
        batch = FeatureBatch(rows: Matrix(rows: batch.rows.rows, columns: 6, elements: elements), grids: batch.grids)
        return batch
    }

    /// A projection from 6 to 4 dimensions, so selection runs on projected distances.
    static let small = PatchCoreSettings(poolSize: 1000, coresetFraction: 0.1, bankCap: 10_000, projectionDimension: 4, seed: 9)

    @Test func aPlantedFarPatchGetsTheTopScoreAndTheMapPeakAtItsPlace() throws {
        var scorer = PatchCoreScorer(settings: Self.small)
        try scorer.fit(normal: Self.grids(30, seed: 1))
        let (scores, maps) = try scorer.scoresAndMaps(Self.withPlantedPatch(seed: 2))
        #expect(scores.count == 6 && maps.count == 6)
        #expect(scores.indices.max { scores[$0] < scores[$1] } == 5)
        #expect(scores[5] > 2 * scores[0..<5].max()!)
        let map = maps[5]
        #expect(map.width == 64 && map.height == 64)
        let peak = map.values.indices.max { map.values[$0] < map.values[$1] }!
        #expect((24..<32).contains(peak / 64) && (40..<48).contains(peak % 64), "peak at \(peak / 64), \(peak % 64)")
        // The image score is the largest patch distance, which the blur only lowers.
        let distances = try scorer.patchDistances(Self.withPlantedPatch(seed: 2))
        #expect(scores[5] == Double(distances[(5 * 64)..<(6 * 64)].max()!))
        #expect(Double(map.values.max()!) < scores[5])
        #expect(try scorer.score(Self.withPlantedPatch(seed: 2)) == scores)
        #expect(try scorer.maps(Self.withPlantedPatch(seed: 2)) == maps)
    }

    @Test func poolFractionAndCapSetTheBankSize() throws {
        let fit = Self.grids(30, seed: 1)  // 1,920 patches
        var a = PatchCoreScorer(settings: Self.small)
        try a.fit(normal: fit)
        let model = try #require(a.model)
        #expect(model.patchCount == 1920 && model.poolCount == 1000 && model.bank.rows == 100)
        #expect(model.coveringRadius > 0)
        var capped = Self.small
        capped.bankCap = 37
        var b = PatchCoreScorer(settings: capped)
        try b.fit(normal: fit)
        #expect(b.model?.bank.rows == 37)
        var whole = Self.small
        whole.poolSize = 5000
        whole.coresetFraction = 0.25
        var c = PatchCoreScorer(settings: whole)
        try c.fit(normal: fit)
        #expect(c.model?.poolCount == 1920 && c.model?.bank.rows == 480)
        // Every bank row is a fit patch, and no patch is taken twice.
        let fitRows = Set((0..<fit.rows.rows).map { fit.rows.row($0) })
        let bankRows = (0..<model.bank.rows).map { model.bank.row($0) }
        #expect(bankRows.allSatisfy { fitRows.contains($0) })
        #expect(Set(bankRows).count == bankRows.count)
        #expect(PatchCoreSettings().bankSize(poolCount: 60_000) == 6000)
        #expect(PatchCoreSettings().bankSize(poolCount: 200_000) == 10_000)
        #expect(PatchCoreSettings().bankSize(poolCount: 5) == 1)
    }

    @Test func theSameSeedGivesTheSameBankAndAnotherSeedAnother() throws {
        let fit = Self.grids(30, seed: 1)
        var a = PatchCoreScorer(settings: Self.small), b = PatchCoreScorer(settings: Self.small)
        try a.fit(normal: fit)
        try b.fit(normal: fit)
        #expect(a.model == b.model)
        var other = Self.small
        other.seed = 10
        var c = PatchCoreScorer(settings: other)
        try c.fit(normal: fit)
        #expect(a.model?.bank != c.model?.bank)
    }

    @Test func aRestoredScorerScoresAndMapsBitForBit() throws {
        for neighbours in [1, 5] {
            var settings = Self.small
            settings.reweightingNeighbours = neighbours
            var original = PatchCoreScorer(settings: settings)
            try original.fit(normal: Self.grids(30, seed: 1))
            let m = try #require(original.model)
            // Rebuilt from plain arrays, as a detector file would hold them.
            let stored = PatchCoreModel(bank: Matrix(rows: m.bank.rows, columns: m.bank.columns, elements: Array(m.bank.elements)),
                                        coveringRadius: m.coveringRadius, patchCount: m.patchCount, poolCount: m.poolCount)
            let copy = try PatchCoreScorer(restoring: stored, settings: settings)
            let queries = Self.withPlantedPatch(seed: 3)
            let a = try original.scoresAndMaps(queries), b = try copy.scoresAndMaps(queries)
            #expect(a.scores.map(\.bitPattern) == b.scores.map(\.bitPattern))
            #expect(a.maps.map { $0.values.map(\.bitPattern) } == b.maps.map { $0.values.map(\.bitPattern) })
            #expect(copy.model == original.model && copy.settings == settings)
        }
    }

    @Test func reweightingFollowsAnomalibsFormula() throws {
        // Bank 0, 1, 10; the patch 3 is nearest to 1 (s* = 2). N₂(1) = {1, 0}: distances from 3 are 2 and 3,
        // so the weight is 1 − e²/(e² + e³) = e/(1 + e).
        var settings = PatchCoreSettings(reweightingNeighbours: 2, blurSigma: 0)
        let model = PatchCoreModel(bank: Matrix(rowArrays: [[0], [1], [10]]), coveringRadius: 0, patchCount: 3, poolCount: 3)
        let query = FeatureBatch(vectors: Matrix(rowArrays: [[3], [1]]))
        let weighted = try PatchCoreScorer(restoring: model, settings: settings).score(query)
        #expect(abs(weighted[0] - 2 * M_E / (1 + M_E)) < 1e-12)
        #expect(weighted[1] == 0)
        settings.reweightingNeighbours = 1
        #expect(try PatchCoreScorer(restoring: model, settings: settings).score(query) == [2, 0])
        // More neighbours than bank rows use the whole bank: N₉(1) = {1, 0, 10}, distances 2, 3, 7.
        settings.reweightingNeighbours = 9
        let all = try PatchCoreScorer(restoring: model, settings: settings).score(query)
        let expected = (1 - 1 / (1 + M_E + Foundation.exp(5))) * 2
        #expect(abs(all[0] - expected) < 1e-12)
    }

    @Test func reweightedScoresNeverExceedThePlainMaximum() throws {
        var plain = PatchCoreScorer(settings: Self.small)
        var settings = Self.small
        settings.reweightingNeighbours = 9
        var weighted = PatchCoreScorer(settings: settings)
        try plain.fit(normal: Self.grids(30, seed: 1))
        try weighted.fit(normal: Self.grids(30, seed: 1))
        let queries = Self.withPlantedPatch(seed: 4)
        let (p, w) = (try plain.score(queries), try weighted.score(queries))
        #expect(zip(p, w).allSatisfy { $1 > 0 && $1 < $0 })
        #expect(w.indices.max { w[$0] < w[$1] } == 5)
    }

    @Test func vectorsAreOnePatchPerSample() throws {
        var scorer = PatchCoreScorer(settings: PatchCoreSettings(coresetFraction: 1, seed: 1))
        let fit = NearestNeighborsTests.gaussian(50, 4, seed: 8)
        try scorer.fit(normal: FeatureBatch(vectors: fit))
        let queries = FeatureBatch(vectors: Matrix(rowArrays: [fit.row(3), [9, 9, 9, 9]]))
        let (scores, maps) = try scorer.scoresAndMaps(queries)
        #expect(scores[0] < 0.01 && scores[1] > 10)
        #expect(maps.map(\.width) == [1, 1] && maps[1].values == [Float(scores[1])])
    }

    @Test func aSampleWithoutPatchesScoresZeroWithABlankMap() throws {
        var scorer = PatchCoreScorer(settings: Self.small)
        try scorer.fit(normal: Self.grids(3, seed: 1))
        let one = Self.grids(1, seed: 2)
        let batch = FeatureBatch(rows: one.rows, grids: [FeatureBatch.Grid(height: 0, width: 5, inputHeight: 3, inputWidth: 4), one.grids[0]])
        let (scores, maps) = try scorer.scoresAndMaps(batch)
        #expect(scores[0] == 0 && scores[1] > 0)
        #expect(maps[0] == AnomalyMap(width: 4, height: 3, values: Array(repeating: 0, count: 12)))
        #expect(maps[1].width == 64)
    }

    @Test func errorsNameWhatIsWrong() throws {
        let fit = Self.grids(3, seed: 1)
        #expect(throws: ScoringError.notFitted) { try PatchCoreScorer().score(fit) }
        var bad = PatchCoreScorer(settings: PatchCoreSettings(coresetFraction: 0))
        #expect(throws: ScoringError.invalidConfiguration("coresetFraction must be in (0, 1], got 0.0")) { try bad.fit(normal: fit) }
        bad = PatchCoreScorer(settings: PatchCoreSettings(poolSize: 0))
        #expect(throws: ScoringError.invalidConfiguration("poolSize must be at least 1, got 0")) { try bad.fit(normal: fit) }
        var scorer = PatchCoreScorer(settings: Self.small)
        #expect(throws: ScoringError.tooFewSamples(needed: 1, got: 0)) { try scorer.fit(normal: FeatureBatch(dimension: 6)) }
        var poisoned = fit.rows.elements
        poisoned[7 * 6 + 2] = .nan
        #expect(throws: ScoringError.nonFinite(row: 7, column: 2)) {
            try scorer.fit(normal: FeatureBatch(rows: Matrix(rows: fit.rows.rows, columns: 6, elements: poisoned), grids: fit.grids))
        }
        try scorer.fit(normal: fit)
        #expect(throws: ScoringError.dimensionMismatch(expected: 6, got: 4)) {
            try scorer.score(FeatureBatch(vectors: Matrix(rows: 2, columns: 4)))
        }
        let model = try #require(scorer.model)
        #expect(throws: ScoringError.bankOverCap(rows: model.bank.rows, cap: 5)) {
            try PatchCoreScorer(restoring: model, settings: PatchCoreSettings(bankCap: 5))
        }
        #expect(ScoringError.bankOverCap(rows: 12, cap: 5).description == "the memory bank has 12 patches, more than the cap of 5")
    }

    @Test func progressCoversEveryStage() throws {
        var stages: [PatchCoreProgress.Stage] = []
        var scorer = PatchCoreScorer(settings: Self.small)
        try scorer.fit(normal: Self.grids(30, seed: 1)) { if stages.last != $0.stage { stages.append($0.stage) } }
        _ = try scorer.scoresAndMaps(Self.grids(2, seed: 2)) { if stages.last != $0.stage { stages.append($0.stage) } }
        #expect(stages == [.pool, .projection, .coreset, .scoring, .maps])
    }
}
