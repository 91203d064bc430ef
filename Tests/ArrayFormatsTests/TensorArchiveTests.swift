import Foundation
import Testing
@testable import ArrayFormats

@Suite struct TensorArchiveTests {
    static func sample() -> TensorArchive {
        TensorArchive(
            metadata: .object([("scorer", .string("kde")), ("pca", .number(16))]),
            sections: [
                ("components", NPYArray(rows: 2, columns: 3, values: [Float(1.5), -0.0, .leastNonzeroMagnitude, 3, 4, 5])),
                ("calibration", NPYArray([0.1, 1e-300, -2.5])),
            ])
    }

    @Test func roundTripIsBitExact() throws {
        let a = Self.sample()
        let b = try TensorArchive.decode(try a.encoded(), source: "mem")
        #expect(a == b)
        #expect(b["components"]?.floats().map(\.bitPattern) == a["components"]?.floats().map(\.bitPattern))
        #expect(b.metadata["scorer"]?.stringValue == "kde")
        #expect(b["missing"] == nil)
    }

    @Test func everyTruncationAndEveryByteFlipIsRejected() throws {
        let bytes = try Self.sample().encoded()
        for cut in 0..<bytes.count {
            #expect(throws: ArrayFormatError.self) { try TensorArchive.decode(Array(bytes[0..<cut]), source: "cut") }
        }
        for i in bytes.indices {
            var damaged = bytes
            damaged[i] ^= 0x10
            #expect(throws: ArrayFormatError.self) { try TensorArchive.decode(damaged, source: "flip") }
        }
    }

    @Test func damageIsReportedAsSuch() throws {
        var bytes = try Self.sample().encoded()
        bytes[bytes.count / 2] ^= 1
        do {
            _ = try TensorArchive.decode(bytes, source: "model.tkd")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "model.tkd: SHA-256 mismatch: the file is truncated or damaged")
        }
        #expect(throws: ArrayFormatError.corrupt(source: "x", reason: "not a ThresholdKit archive (the file does not start with TKARCHV1)")) {
            try TensorArchive.decode(Array("hello world, not an archive at all......".utf8), source: "x")
        }
    }

    @Test func fileWriteAndReadBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tk-archive-\(UUID().uuidString).tkd").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.sample().write(to: path)
        #expect(try TensorArchive.read(path: path) == Self.sample())
        #expect(throws: ArrayFormatError.missingFile(source: path + ".nope")) { try TensorArchive.read(path: path + ".nope") }
    }
}
