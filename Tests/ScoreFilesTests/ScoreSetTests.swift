import Testing
@testable import ScoreFiles

@Suite struct ScoreSetTests {
    @Test func defaultsToNoLabelsAndNothingDropped() {
        let set = ScoreSet(source: "s", scores: [1, 2, 3])
        #expect(set.count == 3)
        #expect(set.labels == nil)
        #expect(set.droppedNonFinite == 0)
    }

    @Test func equalityIncludesLabelsAndSource() {
        let a = ScoreSet(source: "s", scores: [1], labels: [true])
        #expect(a != ScoreSet(source: "s", scores: [1], labels: [false]))
        #expect(a != ScoreSet(source: "t", scores: [1], labels: [true]))
        #expect(a == ScoreSet(source: "s", scores: [1], labels: [true], droppedNonFinite: 0))
    }
}
