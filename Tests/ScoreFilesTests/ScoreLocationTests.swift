import Testing
@testable import ScoreFiles

@Suite struct ScoreLocationTests {
    @Test func locationsReadNaturally() {
        #expect(ScoreLocation.line(12).description == "line 12")
        #expect(ScoreLocation.element(array: "labels", index: 0).description == "labels[0]")
    }
}
