import ArrayFormats
import Testing
@testable import ScoreFiles

@Suite struct NPYScoresTests {
    @Test func readsFloat32AndFloat64Vectors() throws {
        let f4 = try withScoreFile(try NPY.encode(NPYArray([0.5, 1.5] as [Float])), ext: "npy") {
            try ScoreFile.read(path: $0)
        }
        #expect(f4.scores == [0.5, 1.5])
        #expect(f4.labels == nil)
        let f8 = try withScoreFile(try NPY.encode(NPYArray([0.1, -3] as [Double])), ext: "npy") {
            try ScoreFile.read(path: $0)
        }
        #expect(f8.scores == [0.1, -3])
    }

    @Test func readsSingleColumnAndIntegerArrays() throws {
        let column = try NPY.encode(NPYArray(rows: 3, columns: 1, values: [1, 2, 3] as [Double]))
        #expect(try ScoreFile.decode(column, format: .npy, source: "c.npy").scores == [1, 2, 3])
        let ints = try NPY.encode(NPYArray(shape: [2], storage: .int64([-4, 9])))
        #expect(try ScoreFile.decode(ints, format: .npy, source: "i.npy").scores == [-4, 9])
    }

    @Test func emptyArrayIsAnEmptySet() throws {
        let bytes = try NPY.encode(NPYArray([Float]()))
        #expect(try ScoreFile.decode(bytes, format: .npy, source: "e.npy").scores == [])
    }

    @Test func rejectsMatricesAndScalars() throws {
        let matrix = try NPY.encode(NPYArray(rows: 2, columns: 2, values: [1, 2, 3, 4] as [Float]))
        #expect(throws: ScoreFileError.unsupportedShape(source: "m.npy", shape: [2, 2])) {
            try ScoreFile.decode(matrix, format: .npy, source: "m.npy")
        }
        let scalar = try NPY.encode(NPYArray(shape: [], storage: .float64([1])))
        let error = ScoreFileError.unsupportedShape(source: "s.npy", shape: [])
        #expect(throws: error) { try ScoreFile.decode(scalar, format: .npy, source: "s.npy") }
        #expect(error.description == "s.npy: expected a 1-D array or a single column, found a 0-d scalar")
    }

    @Test func nonFiniteNamesTheElement() throws {
        let bytes = try NPY.encode(NPYArray([1, 2, 3, .nan, -.infinity] as [Float]))
        let error = ScoreFileError.nonFinite(source: "n.npy", location: .element(array: "scores", index: 3), text: "NaN")
        #expect(throws: error) { try ScoreFile.decode(bytes, format: .npy, source: "n.npy") }
        #expect(error.description.hasPrefix("n.npy, scores[3]: the score \"NaN\" is not finite"))
        let set = try ScoreFile.decode(bytes, format: .npy, source: "n.npy", options: .init(nonFinite: .drop))
        #expect(set.scores == [1, 2, 3])
        #expect(set.droppedNonFinite == 2)
    }

    @Test func corruptFileWrapsTheFormatError() throws {
        let bytes = Array(try NPY.encode(NPYArray([1, 2] as [Double])).dropLast(3))
        try withScoreFile(bytes, ext: "npy") { path in
            let inner = ArrayFormatError.truncatedData(source: path, expectedBytes: 16, actualBytes: 13)
            #expect(throws: ScoreFileError.format(inner)) { try ScoreFile.read(path: path) }
            #expect(ScoreFileError.format(inner).description == inner.description)
        }
    }
}
