import Foundation
import Testing
@testable import ArrayFormats

@Suite struct NPYWriterTests {
    @Test func float32VectorMatchesNumPyByteForByte() throws {
        let bytes = try NPY.encode(NPYArray([0.5, 1.0, -2.25] as [Float]))
        #expect(bytes == NPYFixtures.littleF4)
    }

    @Test func float64MatrixMatchesNumPyByteForByte() throws {
        let bytes = try NPY.encode(NPYArray(rows: 2, columns: 2, values: [1.0, 2.0, 3.0, 4.0] as [Double]))
        #expect(bytes == NPYFixtures.matrixF8)
    }

    @Test func scalarMatchesNumPyByteForByte() throws {
        let bytes = try NPY.encode(NPYArray(shape: [], storage: .float64([7])))
        #expect(bytes == NPYFixtures.scalarF8)
    }

    @Test func int64MatchesNumPyByteForByte() throws {
        let bytes = try NPY.encode(NPYArray(shape: [3], storage: .int64([1, -2, 3_000_000_000])))
        #expect(bytes == NPYFixtures.littleI8)
    }

    @Test func dataStartsAtMultipleOf64() throws {
        for shape in [[0], [7], [123_456_789, 0], [1, 2, 3, 4, 5, 6, 7, 8]] {
            let count = shape.reduce(1, *)
            let bytes = try NPY.encode(NPYArray(shape: shape, storage: .float32(Array(repeating: 1, count: count))))
            let dataStart = bytes.count - 4 * count
            #expect(dataStart % 64 == 0)
            #expect(bytes[dataStart - 1] == 0x0A)
        }
    }

    @Test func roundTripsFloat32Matrix() throws {
        let values: [Float] = (0..<12).map { Float($0) * 0.1 - 0.3 }
        let original = NPYArray(rows: 3, columns: 4, values: values)
        #expect(try NPY.decode(NPY.encode(original), source: "m") == original)
    }

    @Test func roundTripsFloat64VectorThroughDisk() throws {
        let original = NPYArray([0.1, -1e-300, .greatestFiniteMagnitude, -0.0] as [Double])
        let read = try withTemporaryPath(suffix: ".npy") { path in
            try NPY.write(original, to: path)
            return try NPY.read(path: path)
        }
        #expect(read == original)
    }

    @Test func veryLongHeaderUsesVersion2() throws {
        let shape = [Int](repeating: 1, count: 22_000)
        let bytes = try NPY.encode(NPYArray(shape: shape, storage: .float64([2.5])))
        #expect(bytes[6] == 2)
        #expect((bytes.count - 8) % 64 == 0)
        let read = try NPY.decode(bytes, source: "long")
        #expect(read.shape.count == 22_000)
        #expect(read.doubles() == [2.5])
    }

    @Test func shapeMismatchIsRejected() {
        let array = NPYArray(shape: [2, 2], storage: .float32([1, 2, 3]))
        #expect(throws: ArrayFormatError.shapeMismatch(source: "array", shape: [2, 2], count: 3)) {
            try NPY.encode(array)
        }
        #expect(throws: ArrayFormatError.shapeMismatch(source: "array", shape: [-1], count: 3)) {
            try NPY.encode(NPYArray(shape: [-1], storage: .float32([1, 2, 3])))
        }
    }

    @Test func writeIntoMissingDirectoryFailsWithoutLeavingFiles() {
        let path = "/nonexistent-dir-\(UUID().uuidString)/x.npy"
        #expect(throws: ArrayFormatError.self) { try NPY.write(NPYArray([1] as [Float]), to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
