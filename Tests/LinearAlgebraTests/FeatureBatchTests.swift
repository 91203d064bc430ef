import LinearAlgebra
import Testing

struct FeatureBatchTests {
    /// Three samples: a 2×2 grid (rows 0-3), a 1×3 grid (rows 4-6) and a 1×1 grid (row 7), 2-d rows valued 10·row + column.
    static let mixed: FeatureBatch = {
        let rows = Matrix<Float>(rows: 8, columns: 2, elements: (0..<8).flatMap { r in [Float(10 * r), Float(10 * r + 1)] })
        return FeatureBatch(rows: rows, grids: [.init(height: 2, width: 2, inputHeight: 16, inputWidth: 16),
                                                .init(height: 1, width: 3), .single])
    }()

    @Test func vectorBatchHasOneRowPerSampleAndGivesTheMatrixBack() throws {
        let m = Matrix<Float>(rows: 3, columns: 2, elements: [1, 2, 3, 4, 5, 6])
        let batch = FeatureBatch(vectors: m)
        #expect(batch.count == 3 && batch.dimension == 2 && batch.isVectors)
        #expect(batch.rowRange(of: 2) == 2..<3)
        #expect(try batch.vectors() == m)
    }

    @Test func gridSamplesOwnConsecutiveRows() {
        let b = Self.mixed
        #expect(b.count == 3 && !b.isVectors)
        #expect(b.rowRange(of: 0) == 0..<4)
        #expect(b.rowRange(of: 1) == 4..<7)
        #expect(b.rowRange(of: 2) == 7..<8)
    }

    @Test func selectingCopiesTheChosenSamplesRowsInTheGivenOrder() {
        let picked = Self.mixed.selecting([2, 1])
        #expect(picked.count == 2)
        #expect(picked.grids == [.single, .init(height: 1, width: 3)])
        #expect(picked.rows.elements == [70, 71, 40, 41, 50, 51, 60, 61])
        #expect(picked.rowRange(of: 1) == 1..<4)
    }

    @Test func concatenatingKeepsSampleOrderAndGrids() {
        let joined = FeatureBatch(concatenating: [Self.mixed.samples(1..<3), Self.mixed.samples(0..<1)])
        #expect(joined.grids.map(\.count) == [3, 1, 4])
        #expect(joined.rows.elements.prefix(2) == [40, 41])
        #expect(joined.rows.elements.suffix(2) == [30, 31])
        #expect(joined.grids[2].inputWidth == 16)
    }

    @Test func vectorsOfAGridBatchNamesTheFirstGridSample() {
        #expect(throws: LinearAlgebraError.notVectors(sample: 0, height: 2, width: 2)) { try Self.mixed.vectors() }
        #expect(throws: LinearAlgebraError.notVectors(sample: 1, height: 1, width: 3)) {
            try Self.mixed.selecting([2, 1]).vectors()
        }
    }

    @Test func emptyBatchKeepsItsDimension() throws {
        let empty = FeatureBatch(dimension: 5)
        #expect(empty.count == 0 && empty.dimension == 5)
        #expect(try empty.vectors().rows == 0)
        #expect(FeatureBatch(concatenating: []).count == 0)
    }
}
