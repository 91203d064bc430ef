import Foundation
import Testing
@testable import ArrayFormats

@Suite struct FileContentsTests {
    @Test func readsAWholeRegularFile() throws {
        let bytes = try withTemporaryFile([1, 2, 3, 250], suffix: ".bin") { try FileContents.bytes(atPath: $0) }
        #expect(bytes == [1, 2, 3, 250])
        let empty = try withTemporaryFile([], suffix: ".bin") { try FileContents.bytes(atPath: $0) }
        #expect(empty.isEmpty)
    }

    @Test func readsPastAnUnderstatedSizeHint() throws {
        // A hint smaller than the file (a file that grew, or a pipe's 0) must not cut the read short.
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let read = try withTemporaryFile(payload, suffix: ".bin") { path in
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            return try FileContents.readToEnd(descriptor: descriptor, sizeHint: 10, source: path)
        }
        #expect(read == payload)
    }

    @Test func aNamedPipeIsReadUntilItsWriterCloses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("FileContentsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pipe").path
        try #require(mkfifo(path, 0o600) == 0)
        // More than one pipe buffer (64 KiB), written in pieces, so a size-based read would stop short.
        let payload = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            for start in stride(from: 0, to: payload.count, by: 10_000) {
                handle.write(Data(payload[start..<min(start + 10_000, payload.count)]))
            }
            try? handle.close()
        }
        writer.start()
        #expect(try FileContents.bytes(atPath: path) == payload)
    }

    @Test func tellsAMissingFileFromADirectory() throws {
        #expect(throws: FileReadError.missingFile(path: "/nonexistent/f")) { try FileContents.bytes(atPath: "/nonexistent/f") }
        // A path through a regular file is missing too (ENOTDIR), not unreadable.
        try withTemporaryFile([1], suffix: ".bin") { file in
            #expect(throws: FileReadError.missingFile(path: file + "/f")) { try FileContents.bytes(atPath: file + "/f") }
        }
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: FileReadError.unreadable(path: dir, reason: "is a directory, not a file")) {
            try FileContents.bytes(atPath: dir)
        }
        #expect(FileReadError.missingFile(path: "a.npy").description == "a.npy: no such file")
        #expect(FileReadError.unreadable(path: "a.npy", reason: "permission denied").description == "a.npy: permission denied")
    }

    @Test func aBadDescriptorIsATypedError() {
        #expect(throws: FileReadError.unreadable(path: "bad", reason: "cannot be read (Bad file descriptor)")) {
            try FileContents.readToEnd(descriptor: -1, source: "bad")
        }
    }

    @Test func arrayFormatsKeepTheirFileErrors() {
        #expect(throws: ArrayFormatError.missingFile(source: "/nonexistent/f")) { try readFileBytes(path: "/nonexistent/f") }
        let dir = FileManager.default.temporaryDirectory.path
        let error = ArrayFormatError.unreadable(source: dir, reason: "is a directory, not a file")
        #expect(throws: error) { try readFileBytes(path: dir) }
        #expect(error.description == "\(dir): is a directory, not a file")
    }
}
