import ArrayFormats
import Testing
@testable import ScoreFiles

@Suite struct ScoreFileErrorTests {
    @Test func everyMessageNamesTheFile() {
        let errors: [ScoreFileError] = [
            .missingFile(source: "f.csv"), .unreadable(source: "f.csv", reason: "denied"),
            .format(.badMagic(source: "f.csv")), .notANumber(source: "f.csv", location: .line(2), text: "x"),
            .nonFinite(source: "f.csv", location: .line(2), text: "nan"),
            .invalidLabel(source: "f.csv", location: .line(2), text: "x"),
            .countMismatch(source: "f.csv", scores: 1, labels: 2),
            .missingColumn(source: "f.csv", column: "score", available: []),
            .fieldCount(source: "f.csv", line: 2, expected: 2, found: 3),
            .malformedRow(source: "f.csv", line: 2, reason: "r"), .blankLine(source: "f.csv", line: 2),
            .missingScores(source: "f.csv", key: "scores", keys: []),
            .unexpectedJSON(source: "f.csv", path: "scores", expected: "an array", found: "null"),
            .unsupportedShape(source: "f.csv", shape: [2, 2]),
            .notText(source: "f.csv", format: .csv, reason: "a NUL byte"),
        ]
        for error in errors {
            #expect(error.source == "f.csv")
            #expect(error.description.hasPrefix("f.csv"))
        }
    }

    @Test func specificMessages() {
        #expect(ScoreFileError.missingColumn(source: "f", column: "score", available: []).description
            == "f: no column \"score\" in the header; available columns: none")
        #expect(ScoreFileError.invalidLabel(source: "f", location: .line(4), text: "").description
            == "f, line 4: the label is empty; expected 0/1, good/anomalous, normal/anomaly or false/true")
        #expect(ScoreFileError.unsupportedShape(source: "f", shape: [2, 3]).description
            == "f: expected a 1-D array or a single column, found shape (2, 3)")
        #expect(ScoreFileError.notANumber(source: "f", location: .line(1), text: "a\"b\u{7}").description
            == #"f, line 1: "a\"b\u{7}" is not a number"#)
    }

    @Test func quotesShortenLongFields() {
        #expect(quote(String(repeating: "9", count: 300)).count == 80 + 3)
    }

    @Test func aWordWithAnXIsNotCalledHexadecimal() {
        #expect(ScoreFileError.notANumber(source: "f", location: .line(3), text: "max").description
            == #"f, line 3: "max" is not a number"#)
        #expect(ScoreFileError.notANumber(source: "f", location: .line(3), text: "-0x1p3").description
            == #"f, line 3: "-0x1p3" is not a decimal number (hexadecimal is not accepted)"#)
    }

    @Test func aNulByteIsNamedAndEscaped() {
        #expect(ScoreFileError.notANumber(source: "f", location: .line(2), text: "2\u{0}garbage").description
            == #"f, line 2: "2\u{0}garbage" is not a number (it contains a NUL byte)"#)
    }

    @Test func longHeadersListAFewColumnsOnly() {
        let columns = (1...30).map { "c\($0)" }
        let text = ScoreFileError.missingColumn(source: "f", column: "score", available: columns).description
        #expect(text.hasSuffix(#""c11", "c12" and 18 more"#))
    }

    @Test func binaryContentNamesTheFileAndTheFormat() {
        let error = ScoreFileError.notText(source: "f.csv", format: .csv, reason: "r")
        #expect(error.source == "f.csv")
        #expect(error.description == "f.csv: does not look like text (r), so it cannot be read as CSV; a binary score file must be a .npy array")
    }
}
