import Foundation
import Testing
@testable import ArrayFormats

@Suite struct NPYReaderTests {
    @Test func readsLittleEndianFloat32() throws {
        let array = try NPY.decode(NPYFixtures.littleF4, source: "f4.npy")
        #expect(array.shape == [3])
        #expect(array.storage == .float32([0.5, 1.0, -2.25]))
        #expect(array.doubles() == [0.5, 1.0, -2.25])
    }

    @Test func byteSwapsBigEndianFloat64() throws {
        let array = try NPY.decode(NPYFixtures.bigEndianF8, source: "be.npy")
        #expect(array.shape == [3])
        #expect(array.storage == .float64([1.5, -2.0, 3.25]))
    }

    @Test func transposesFortranOrderIntoRowMajor() throws {
        let array = try NPY.decode(NPYFixtures.fortranF4, source: "fortran.npy")
        #expect(array.shape == [2, 3])
        #expect(array.floats() == [0, 1, 2, 3, 4, 5])
    }

    @Test func keepsInt64NativeAndConverts() throws {
        let array = try NPY.decode(NPYFixtures.littleI8, source: "i8.npy")
        #expect(array.storage == .int64([1, -2, 3_000_000_000]))
        #expect(array.doubles() == [1, -2, 3e9])
        #expect(array.dtype.descr == "<i8")
    }

    @Test func readsCOrderMatrix() throws {
        let array = try NPY.decode(NPYFixtures.matrixF8, source: "m.npy")
        #expect(array.shape == [2, 2])
        #expect(array.doubles() == [1, 2, 3, 4])
    }

    @Test func readsZeroDimensionalScalar() throws {
        let array = try NPY.decode(NPYFixtures.scalarF8, source: "s.npy")
        #expect(array.shape == [])
        #expect(array.doubles() == [7])
    }

    @Test func readsFromDisk() throws {
        let array = try withTemporaryFile(NPYFixtures.bigEndianF8, suffix: ".npy") { path in
            try NPY.read(path: path)
        }
        #expect(array.doubles() == [1.5, -2.0, 3.25])
    }

    @Test(arguments: [
        ("|u1", NPYStorage.uint8([1, 200])), ("|i1", .int8([1, -56])), ("|b1", .bool([true, false])),
        ("<i2", .int16([258, -2])), (">i2", .int16([258, -2])), ("<i4", .int32([-7, 70000])),
        ("<u2", .uint16([1, 65535])), ("<u4", .uint32([1, 4_000_000_000])), ("<u8", .uint64([1, .max])),
        (">f4", .float32([1.5, -0.25])), ("<f8", .float64([.pi, -1e300])),
    ])
    func decodesEveryDType(descr: String, storage: NPYStorage) throws {
        let dtype = try #require(NPYDType(descr: descr))
        var body = try NPY.encode(NPYArray(shape: [2], storage: storage))
        // Re-encode in the requested byte order: the writer only writes little-endian.
        let header = NPY.headerBytes(descr: descr, shape: [2])
        body = Array(body[(body.count - 2 * dtype.size)...])
        if dtype.isBigEndian {
            body = stride(from: 0, to: body.count, by: dtype.size).flatMap { body[$0..<$0 + dtype.size].reversed() }
        }
        let array = try NPY.decode(header + body, source: "t.npy")
        #expect(array.storage == storage)
    }

    @Test func readsVersion2And3Headers() throws {
        for version: UInt8 in [2, 3] {
            let text = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }".utf8)
            let length = 128 - 12  // Pad so the data starts at byte 128.
            var bytes = NPY.magic + [version, 0, UInt8(length), 0, 0, 0] + text
            bytes += [UInt8](repeating: 0x20, count: length - text.count - 1) + [0x0A]
            bytes += try NPY.encode(NPYArray([0.25, 4.0] as [Double])).suffix(16)
            let array = try NPY.decode(bytes, source: "v\(version).npy")
            #expect(array.doubles() == [0.25, 4.0])
        }
    }

    @Test func readsEmptyArray() throws {
        let bytes = try NPY.encode(NPYArray([Float]()))
        let array = try NPY.decode(bytes, source: "empty.npy")
        #expect(array.shape == [0])
        #expect(array.count == 0)
    }

    // MARK: Errors

    @Test func missingFileIsReported() {
        #expect(throws: ArrayFormatError.missingFile(source: "/nonexistent/x.npy")) {
            try NPY.read(path: "/nonexistent/x.npy")
        }
    }

    @Test func directoryIsUnreadable() {
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: ArrayFormatError.unreadable(source: dir, reason: "is a directory, not a file")) {
            try NPY.read(path: dir)
        }
    }

    @Test func badMagicIsReported() {
        #expect(throws: ArrayFormatError.badMagic(source: "a.npy")) {
            try NPY.decode(Array("PK\u{3}\u{4} not numpy".utf8), source: "a.npy")
        }
        #expect(throws: ArrayFormatError.badMagic(source: "a.npy")) { try NPY.decode([], source: "a.npy") }
    }

    @Test func unsupportedVersionIsReported() {
        var bytes = NPYFixtures.littleF4
        bytes[6] = 4
        #expect(throws: ArrayFormatError.unsupportedVersion(source: "a.npy", major: 4, minor: 0)) {
            try NPY.decode(bytes, source: "a.npy")
        }
    }

    @Test func truncatedDataReportsExpectedAndActualBytes() {
        let bytes = Array(NPYFixtures.littleF4.dropLast(5))
        let error = ArrayFormatError.truncatedData(source: "t.npy", expectedBytes: 12, actualBytes: 7)
        #expect(throws: error) { try NPY.decode(bytes, source: "t.npy") }
        #expect(error.description == "t.npy: truncated .npy data: expected 12 bytes, found 7")
    }

    @Test func truncatedHeaderIsReported() {
        let bytes = Array(NPYFixtures.littleF4.prefix(40))
        #expect(throws: ArrayFormatError.truncatedData(source: "t.npy", expectedBytes: 128, actualBytes: 40)) {
            try NPY.decode(bytes, source: "t.npy")
        }
    }

    @Test func unsupportedDTypeNamesTheDescr() {
        let bytes = NPY.headerBytes(descr: "<f2", shape: [1]) + [0, 0]
        let error = ArrayFormatError.unsupportedDType(source: "h.npy", descr: "<f2")
        #expect(throws: error) { try NPY.decode(bytes, source: "h.npy") }
        #expect(error.description.contains("\"<f2\""))
    }

    @Test func structuredDTypeIsUnsupportedNotMalformed() throws {
        let header = "{'descr': [('x', '<f4'), ('y', '<i4')], 'fortran_order': False, 'shape': (1,), }"
        let bytes = npyBytes(header: header) + [UInt8](repeating: 0, count: 8)
        #expect(throws: ArrayFormatError.unsupportedDType(source: "s.npy", descr: "[('x', '<f4'), ('y', '<i4')]")) {
            try NPY.decode(bytes, source: "s.npy")
        }
    }

    @Test func corruptHeaderIsQuoted() throws {
        let header = "{'descr': '<f4', 'fortran_order': maybe, 'shape': (3,), }"
        let error = try #require(throws: ArrayFormatError.self) {
            try NPY.decode(npyBytes(header: header), source: "c.npy")
        }
        guard case let .malformedHeader(source, quotedHeader, _) = error else {
            Issue.record("expected malformedHeader, got \(error)")
            return
        }
        #expect(source == "c.npy")
        #expect(quotedHeader.hasPrefix(header))
        #expect(error.description.contains("maybe"))
    }

    @Test func hugeShapeDoesNotOverflow() {
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }"
        #expect(throws: ArrayFormatError.self) { try NPY.decode(npyBytes(header: header), source: "h.npy") }
    }

    @Test func negativeDimensionIsMalformed() throws {
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }"
        let error = try #require(throws: ArrayFormatError.self) {
            try NPY.decode(npyBytes(header: header), source: "n.npy")
        }
        #expect(error.description.contains("-1"))
    }

    /// A version 1.0 file with an arbitrary header text, padded as NumPy pads it.
    private func npyBytes(header: String) -> [UInt8] {
        let text = Array(header.utf8)
        let padding = 64 - (10 + text.count + 1) % 64
        let length = text.count + padding + 1
        return NPY.magic + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + text
            + [UInt8](repeating: 0x20, count: padding) + [0x0A]
    }
}
