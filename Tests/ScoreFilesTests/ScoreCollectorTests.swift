import Testing
@testable import ScoreFiles

@Suite struct ScoreCollectorTests {
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

    @Test func rejectPolicyThrowsAtTheLocation() {
        var collector = ScoreCollector(source: "f", policy: .reject)
        #expect(throws: ScoreFileError.nonFinite(source: "f", location: .line(7), text: "nan")) {
            try collector.add(.nan, label: true, text: "nan", at: .line(7))
        }
        #expect(collector.scores.isEmpty)
        #expect(collector.labels.isEmpty)
    }

    @Test func dropPolicyCountsAndSkipsLabels() throws {
        var collector = ScoreCollector(source: "f", policy: .drop)
        try collector.add(1, label: true, text: "1", at: .line(1))
        try collector.add(.infinity, label: false, text: "inf", at: .line(2))
        try collector.add(2, label: false, text: "2", at: .line(3))
        #expect(collector.scoreSet(hasLabels: true)
            == ScoreSet(source: "f", scores: [1, 2], labels: [true, false], droppedNonFinite: 1))
        #expect(collector.scoreSet(hasLabels: false).labels == nil)
    }
}
