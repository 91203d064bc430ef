import Foundation
import Testing
@testable import ArrayFormats

@Suite struct FileDataTests {
    @Test func readsWholeFile() throws {
        let data = try withTemporaryFile([1, 2, 3, 250], suffix: ".bin") { try readFileData(path: $0) }
        #expect([UInt8](data) == [1, 2, 3, 250])
    }

    @Test func distinguishesMissingFilesFromDirectories() {
        #expect(throws: ArrayFormatError.missingFile(source: "/nonexistent/f")) { try readFileData(path: "/nonexistent/f") }
        let dir = FileManager.default.temporaryDirectory.path
        let error = ArrayFormatError.unreadable(source: dir, reason: "is a directory, not a file")
        #expect(throws: error) { try readFileData(path: dir) }
        #expect(error.description == "\(dir): is a directory, not a file")
    }
}
