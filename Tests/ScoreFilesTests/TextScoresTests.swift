import Testing
@testable import ScoreFiles

@Suite struct TextScoresTests {
    @Test func readsOneNumberPerLineSkippingBlanksAndComments() throws {
        let text = "# model v2\n0.5\n\n  +1e3  \r\n\t-2\n# trailing comment\n\n"
        let set = try withScoreFile(text, ext: "txt") { try ScoreFile.read(path: $0) }
        #expect(set.scores == [0.5, 1000, -2])
        #expect(set.labels == nil)
    }

    @Test func unknownExtensionsAndNoExtensionAreText() throws {
        for ext in ["scores", "dat", "TXT"] {
            let set = try withScoreFile("1\n2", ext: ext) { try ScoreFile.read(path: $0) }
            #expect(set.scores == [1, 2])
        }
    }

    @Test func emptyFileIsAnEmptySet() throws {
        let set = try withScoreFile("", ext: "txt") { try ScoreFile.read(path: $0) }
        #expect(set == ScoreSet(source: set.source, scores: []))
    }

    @Test func nonNumberNamesTheLine() throws {
        try withScoreFile("1\n# c\n2,5\n", ext: "txt") { path in
            let error = ScoreFileError.notANumber(source: path, location: .line(3), text: "2,5")
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description == "\(path), line 3: \"2,5\" is not a number")
        }
    }

    @Test func nanIsRejectedOrDropped() throws {
        try withScoreFile("1\nNaN\ninf\n4\n", ext: "txt") { path in
            let error = ScoreFileError.nonFinite(source: path, location: .line(2), text: "NaN")
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description.hasPrefix("\(path), line 2: the score \"NaN\" is not finite"))
            let set = try ScoreFile.read(path: path, options: .init(nonFinite: .drop))
            #expect(set.scores == [1, 4])
            #expect(set.droppedNonFinite == 2)
        }
    }

    @Test func parsesAMillionLines() throws {
        let values = (0..<1_000_000).map { Double($0) * 0.001 }
        let text = values.map { $0.description }.joined(separator: "\n")
        let set = try ScoreFile.decode(Array(text.utf8), format: .text, source: "big.txt")
        #expect(set.scores == values)
    }

    @Test func aNulByteInALineIsADataErrorAtItsLine() throws {
        try withScoreFile(Array("1\n2\u{0}garbage\n".utf8), ext: "txt") { path in
            let error = ScoreFileError.notANumber(source: path, location: .line(2), text: "2\u{0}garbage")
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description.contains("line 2"))
            #expect(error.description.contains("NUL byte"))
        }
    }

    @Test func utf16TextIsNotText() throws {
        let utf16: [UInt8] = Array("0.5\n1.5\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try withScoreFile(utf16, ext: "txt") { path in
            #expect(throws: ScoreFileError.notText(source: path, format: .text, reason: "8 of its first 16 bytes are NUL")) {
                try ScoreFile.read(path: path)
            }
        }
    }
}
