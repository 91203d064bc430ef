import Testing
@testable import ScoreFiles

@Suite struct ScoreFieldsTests {
    private func score(_ text: String) throws(ScoreFileError) -> Double {
        try parseScore(ArraySlice(text.utf8), source: "f", at: .line(1)).value
    }

    @Test func parsesDecimalNumbers() throws {
        #expect(try score("+1.5") == 1.5)
        #expect(try score("-2e-3") == -0.002)
        #expect(try score(".5") == 0.5)
        #expect(try score("1E3") == 1000)
        #expect(try score("inf") == .infinity)
        #expect(try score("1e400") == .infinity)
        #expect(try score("nan").isNaN)
    }

    @Test(arguments: ["", "0x10", "0X1p3", "1,5", "one", "1 2", "--1", "1e"])
    func rejectsNonNumbers(text: String) {
        #expect(throws: ScoreFileError.notANumber(source: "f", location: .line(1), text: text)) {
            try score(text)
        }
    }

    @Test func parsesLabelsCaseInsensitively() {
        for text in ["1", "1.0", "true", "TRUE", "anomalous", "Anomaly"] { #expect(parseLabel(text) == true) }
        for text in ["0", "0.0", "false", "good", "GOOD", "normal"] { #expect(parseLabel(text) == false) }
        for text in ["", "2", "yes", "-1", "anomalous!"] { #expect(parseLabel(text) == nil) }
    }
}

@Suite struct ScoreFieldsHardeningTests {
    @Test func aNulByteInsideAFieldIsNotANumber() {
        // Double parses a C string, so "2\0garbage" used to read as 2.
        #expect(throws: ScoreFileError.notANumber(source: "f", location: .line(1), text: "2\u{0}garbage")) {
            try parseScore(ArraySlice(Array("2\u{0}garbage".utf8)), source: "f", at: .line(1))
        }
    }

    @Test func onlyFieldsThatLookHexadecimalAreCalledHexadecimal() {
        #expect(looksHexadecimal("0x1p3"))
        #expect(looksHexadecimal(" -0X10"))
        #expect(!looksHexadecimal("max"))
        #expect(!looksHexadecimal("x"))
        #expect(!looksHexadecimal("1x"))
    }
}
