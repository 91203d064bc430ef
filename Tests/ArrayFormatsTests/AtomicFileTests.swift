import Foundation
import Testing
@testable import ArrayFormats

@Suite struct AtomicFileTests {
    @Test func replacesExistingFileAndLeavesNoTemporaryFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("AtomicFileTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.bin").path

        try AtomicFile.write([1, 2, 3], to: path)
        try AtomicFile.write([4, 5], to: path)

        #expect(FileManager.default.contents(atPath: path) == Data([4, 5]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.bin"])
    }

    @Test func reportsUnwritableDestination() throws {
        let error = try #require(throws: ArrayFormatError.self) {
            try AtomicFile.write([1], to: "/nonexistent-\(UUID().uuidString)/out.bin")
        }
        guard case .unwritable = error else {
            Issue.record("expected unwritable, got \(error)")
            return
        }
    }
}
