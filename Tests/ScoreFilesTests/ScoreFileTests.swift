import Foundation
import Testing
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
}
