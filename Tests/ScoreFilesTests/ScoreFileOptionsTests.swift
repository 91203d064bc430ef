import Testing
@testable import ScoreFiles

@Suite struct ScoreFileOptionsTests {
    @Test func defaultsReadScoresAndOptionalLabels() {
        let options = ScoreFileOptions()
        #expect(options.column == "score")
        #expect(options.labelColumn == "label")
        #expect(options.nonFinite == .reject)
        #expect(!options.lowerIsAnomalous)
        #expect(options.jsonScoresKey == "scores")
        #expect(options.jsonLabelsKey == "labels")
        #expect(!options.requiresLabelColumn)
    }

    @Test func customNamesBecomeJSONKeysAndAreRequired() {
        let options = ScoreFileOptions(column: "nll", labelColumn: "y")
        #expect(options.jsonScoresKey == "nll")
        #expect(options.jsonLabelsKey == "y")
        #expect(options.requiresLabelColumn)
    }
}
