import Foundation
import Testing
import ArrayFormats
@testable import ScoreFiles

@Suite struct ScoreFileTests {
    @Test func missingFileIsReported() {
        let error = ScoreFileError.missingFile(source: "/nonexistent/scores.csv")
        #expect(throws: error) { try ScoreFile.read(path: "/nonexistent/scores.csv") }
        #expect(error.description == "/nonexistent/scores.csv: no such file")
    }

    @Test func directoryIsUnreadable() {
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: ScoreFileError.unreadable(source: dir, reason: "is a directory, not a file")) {
            try ScoreFile.read(path: dir)
        }
    }

    @Test func recordsTheSourcePath() throws {
        try withScoreFile("1\n", ext: "txt") { path in
            let set = try ScoreFile.read(path: path)
            #expect(set.source == path)
        }
    }

    @Test func lowerIsAnomalousNegatesAfterValidation() throws {
        let options = ScoreFileOptions(nonFinite: .drop, lowerIsAnomalous: true)
        let set = try ScoreFile.decode(Array("-10.5\n-inf\n3\n".utf8), format: .text, source: "ll.txt", options: options)
        #expect(set.scores == [10.5, -3])
        #expect(set.droppedNonFinite == 1)
    }

    @Test func negatedZeroIsPositiveZero() throws {
        let set = try ScoreFile.decode(Array("0\n-0\n".utf8), format: .text, source: "z", options: .init(lowerIsAnomalous: true))
        #expect(set.scores.map(\.sign) == [.plus, .plus])
    }

    @Test func sameScoresFromEveryFormat() throws {
        let expected: [Double] = [0.25, 1.5, -3]
        let files: [(String, String)] = [
            ("csv", "score\n0.25\n1.5\n-3\n"), ("tsv", "x\tscore\na\t0.25\nb\t1.5\nc\t-3\n"),
            ("txt", "0.25\n1.5\n-3\n"), ("json", "[0.25, 1.5, -3]"),
        ]
        for (ext, text) in files {
            let set = try withScoreFile(text, ext: ext) { try ScoreFile.read(path: $0) }
            #expect(set.scores == expected, "format \(ext)")
        }
    }

    @Test func aNamedPipeIsReadUntilItsWriterCloses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ScoreFilesTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("scores.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        // More than one pipe buffer (64 KiB), written in pieces, so a size-based read would stop short.
        let rows = (0..<20_000).map { "\($0).5,\($0 % 2)" }
        let text = "score,label\n" + rows.joined(separator: "\n") + "\n"
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: 10_000) {
                handle.write(Data(bytes[start..<min(start + 10_000, bytes.count)]))
            }
            try? handle.close()
        }
        writer.start()
        let set = try ScoreFile.read(path: path)
        #expect(set.count == 20_000)
        #expect(set.scores.last == 19_999.5)
        #expect(set.labels?.prefix(3) == [false, true, false])
        #expect(set.source == path)
    }

    @Test func aDashReadsStandardInputThroughTheInjectedReader() throws {
        let input = StandardInput { Array("0.5\n# c\n2\n".utf8) }
        let set = try ScoreFile.read(path: "-", standardInput: input)
        #expect(set.scores == [0.5, 2])
        #expect(set.source == "standard input")
        let csv = StandardInput { Array("score,label\n3,1\nx,0\n".utf8) }
        #expect(throws: ScoreFileError.notANumber(source: "standard input", location: .line(3), text: "x")) {
            try ScoreFile.read(path: "-", format: .csv, standardInput: csv)
        }
        // A file literally named "-" elsewhere is still a file: "./-" is a path.
        #expect(throws: ScoreFileError.missingFile(source: "./-")) {
            try ScoreFile.read(path: "./-", standardInput: input)
        }
    }

    @Test func fileReadErrorsKeepTheirScoreFileNamesAndMessages() {
        #expect(ScoreFileError.file(.missingFile(path: "a.csv")) == .missingFile(source: "a.csv"))
        #expect(ScoreFileError.missingFile(source: "a.csv").source == "a.csv")
        #expect(ScoreFileError.unreadable(source: "a.csv", reason: "permission denied").description == "a.csv: permission denied")
    }
}
