import Testing
@testable import ScoreFiles

@Suite struct ScoreCollectorTests {
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
            == ScoreSet(source: "f", scores: [1, 2], labels: [true, false], droppedNonFinite: 1, positions: [0, 2]))
        #expect(collector.scoreSet(hasLabels: true).position(of: 1) == 2)
        #expect(collector.scoreSet(hasLabels: false).labels == nil)
    }
}
