import ArrayFormats
import Testing
@testable import Commands

@Suite struct LabelCommandTests {
    @Test func labelsWithPValuesNormalisedScoresAndBH() throws {
        let normal = TempFile((0...8).map(String.init).joined(separator: "\n"), ext: "txt")
        let input = TempFile("30\n4\n", ext: "txt")
        let r = runCLI(["label", "--strategy", "manual", "--value", "6", "--normal", normal.path,
                        "--input", input.path, "--fdr", "0.3", "--json"])
        #expect(r.code == 0)
        let rows = try #require(try r.json().arrayValue)
        #expect(rows.count == 2)
        #expect(rows[0]["label"]?.doubleValue == 1)
        #expect(rows[0]["p_value"]?.doubleValue == 0.1)   // (1 + 0)/(9 + 1)
        #expect(rows[0]["normalized"]?.doubleValue == 1)
        #expect(rows[0]["bh_selected"]?.boolValue == true)
        #expect(rows[1]["label"]?.doubleValue == 0)
        #expect(rows[1]["p_value"]?.doubleValue == 0.6)   // (1 + #{4, 5, 6, 7, 8})/10
        #expect(rows[1]["normalized"]?.doubleValue == 0.25) // (4 − 6)/8 + 0.5
        #expect(rows[1]["bh_selected"]?.boolValue == false)
    }

    @Test func fdrWithoutNormalScoresIsADataError() {
        let empty = TempFile("", ext: "txt")
        let input = TempFile("1\n", ext: "txt")
        let r = runCLI(["label", "--strategy", "manual", "--value", "1", "--normal", empty.path, "--input", input.path, "--fdr", "0.1"])
        #expect(r.code == 1)
    }
}
