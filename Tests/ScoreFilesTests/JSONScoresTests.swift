import ArrayFormats
import Testing
@testable import ScoreFiles

@Suite struct JSONScoresTests {
    private func read(_ text: String, options: ScoreFileOptions = .init()) throws(ScoreFileError) -> ScoreSet {
        try ScoreFile.decode(Array(text.utf8), format: .json, source: "s.json", options: options)
    }

    @Test func readsArrayOfNumbers() throws {
        let set = try read("[0.5, 1, -2e-3]")
        #expect(set.scores == [0.5, 1, -0.002])
        #expect(set.labels == nil)
    }

    @Test func readsObjectWithMixedLabelSpellings() throws {
        let set = try read(#"{"model": "x", "scores": [3, 2, 1, 0], "labels": [1, false, "anomalous", "Good"]}"#)
        #expect(set.scores == [3, 2, 1, 0])
        #expect(set.labels == [true, false, true, false])
    }

    @Test func nullLabelsMeanNoLabels() throws {
        #expect(try read(#"{"scores": [1], "labels": null}"#).labels == nil)
    }

    @Test func customColumnNamesSelectKeys() throws {
        let options = ScoreFileOptions(column: "loglik", labelColumn: "truth", lowerIsAnomalous: true)
        let set = try read(#"{"scores": [9], "loglik": [-1.5, 2], "truth": [0, 1]}"#, options: options)
        #expect(set.scores == [1.5, -2])
        #expect(set.labels == [false, true])
    }

    @Test func emptyArrayIsAnEmptySet() throws {
        #expect(try read("[]").scores.isEmpty)
        #expect(try read(#"{"scores": [], "labels": []}"#).labels == [])
    }

    @Test func pythonNaNIsRejectedWithItsIndex() throws {
        let error = ScoreFileError.nonFinite(source: "s.json", location: .element(array: "scores", index: 2), text: "NaN")
        #expect(throws: error) { try read("[1, 2, NaN, Infinity]") }
        #expect(error.description.hasPrefix("s.json, scores[2]: the score \"NaN\" is not finite"))
    }

    @Test func dropPolicyDropsLabelsToo() throws {
        let set = try read(#"{"scores": [1, -Infinity, 2, NaN], "labels": [0, 1, 1, 0]}"#, options: .init(nonFinite: .drop))
        #expect(set.scores == [1, 2])
        #expect(set.labels == [false, true])
        #expect(set.droppedNonFinite == 2)
    }

    @Test func countMismatchIsReported() {
        let error = ScoreFileError.countMismatch(source: "s.json", scores: 3, labels: 2)
        #expect(throws: error) { try read(#"{"scores": [1, 2, 3], "labels": [0, 1]}"#) }
        #expect(error.description == "s.json: 3 scores but 2 labels; each score needs exactly one label")
    }

    @Test func invalidLabelNamesTheElement() {
        let error = ScoreFileError.invalidLabel(source: "s.json", location: .element(array: "labels", index: 1), text: "2")
        #expect(throws: error) { try read(#"{"scores": [1, 2], "labels": [0, 2]}"#) }
        #expect(error.description.hasPrefix("s.json, labels[1]: \"2\" is not a label"))
        #expect(throws: ScoreFileError.invalidLabel(
            source: "s.json", location: .element(array: "labels", index: 0), text: "\"maybe\"")
        ) {
            try read(#"{"scores": [1], "labels": ["maybe"]}"#)
        }
    }

    @Test func objectWithoutScoresListsItsKeys() {
        let error = ScoreFileError.missingScores(source: "s.json", key: "scores", keys: ["score", "labels"])
        #expect(throws: error) { try read(#"{"score": [1], "labels": [0]}"#) }
        #expect(error.description == #"s.json: the JSON object has no "scores" array; keys present: "score", "labels""#)
    }

    @Test func wrongTypesNameTheirPath() {
        #expect(throws: ScoreFileError.unexpectedJSON(
            source: "s.json", path: "scores[1]", expected: "a number", found: "a string")
        ) {
            try read(#"[1, "2"]"#)
        }
        #expect(throws: ScoreFileError.unexpectedJSON(source: "s.json", path: "scores", expected: "an array", found: "a number")) {
            try read(#"{"scores": 5}"#)
        }
        #expect(throws: ScoreFileError.unexpectedJSON(
            source: "s.json", path: "the top level", expected: "an array of scores or an object", found: "a string")
        ) {
            try read(#""scores""#)
        }
    }

    @Test func malformedJSONWrapsTheSyntaxError() {
        let inner = ArrayFormatError.jsonSyntax(source: "s.json", line: 2, column: 4, message: "unexpected ']', expected a value")
        #expect(throws: ScoreFileError.format(inner)) { try read("[1,\n 2,]") }
    }

    @Test func readsFromDisk() throws {
        let set = try withScoreFile(#"{"scores": [0.25], "labels": [true]}"#, ext: "JSON") { try ScoreFile.read(path: $0) }
        #expect(set.scores == [0.25])
        #expect(set.labels == [true])
    }
}
