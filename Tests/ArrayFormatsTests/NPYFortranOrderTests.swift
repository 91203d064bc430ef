import Testing
@testable import ArrayFormats

@Suite struct NPYFortranOrderTests {
    @Test func transposesMatrix() {
        // Column-major [[1, 2, 3], [4, 5, 6]] is stored as 1 4 2 5 3 6.
        let storage = NPYStorage.int32([1, 4, 2, 5, 3, 6]).rowMajor(fromColumnMajor: [2, 3])
        #expect(storage == .int32([1, 2, 3, 4, 5, 6]))
    }

    @Test func reordersThreeDimensions() {
        let shape = [2, 3, 4]
        // Element (i, j, k) holds its row-major position; lay it out column-major.
        var columnMajor = [Double](repeating: 0, count: 24)
        for i in 0..<2 {
            for j in 0..<3 {
                for k in 0..<4 { columnMajor[i + 2 * j + 6 * k] = Double(i * 12 + j * 4 + k) }
            }
        }
        let storage = NPYStorage.float64(columnMajor).rowMajor(fromColumnMajor: shape)
        #expect(storage == .float64((0..<24).map(Double.init)))
    }

    @Test func leavesVectorsAndMismatchedShapesAlone() {
        #expect(NPYStorage.float32([1, 2, 3]).rowMajor(fromColumnMajor: [3]) == .float32([1, 2, 3]))
        #expect(NPYStorage.float32([1, 2, 3]).rowMajor(fromColumnMajor: [2, 2]) == .float32([1, 2, 3]))
        #expect(NPYStorage.float32([]).rowMajor(fromColumnMajor: [0, 5]) == .float32([]))
    }
}
