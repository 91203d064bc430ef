import ArrayFormats
import Testing
@testable import ScoreFiles

@Suite struct ScoreFileFormatContentTests {
    @Test(arguments: [
        ("", ScoreFileFormat.text), ("\n\n", .text), ("0.5\n2\n", .text), ("# scores\n\n  -1e3\r\n", .text), ("nan\n", .text),
        ("score,label\n1,0\n", .csv), ("\u{FEFF}score,label\n", .csv), ("score\n1\n", .csv), ("# c\nvalue\n", .csv),
        ("1,0\n", .csv), ("score\tlabel\n1\t0\n", .tsv), ("  [1, 2]", .json), ("{\"scores\": [1]}", .json),
    ])
    func recognisesTheFormatFromTheContent(text: String, format: ScoreFileFormat) {
        #expect(ScoreFileFormat(content: Array(text.utf8)) == format)
    }

    @Test func recognisesNPYByItsMagic() throws {
        let bytes = try NPY.encode(NPYArray(rows: 3, columns: 1, values: [Float(1), 2, 3]))
        #expect(ScoreFileFormat(content: bytes) == .npy)
    }

    /// `metrics --test -` needs labels, so standard input may hold a labelled CSV, JSON or .npy, not only plain text.
    @Test func standardInputIsReadInTheFormatItHolds() throws {
        let csv = try ScoreFile.read(path: "-", standardInput: StandardInput { Array("score,label\n3,1\n0.5,good\n".utf8) })
        #expect(csv.scores == [3, 0.5])
        #expect(csv.labels == [true, false])
        let json = try ScoreFile.read(path: "-", standardInput: StandardInput { Array("{\"scores\": [1, 2], \"labels\": [0, 1]}".utf8) })
        #expect(json.scores == [1, 2])
        #expect(json.labels == [false, true])
        let npy = try NPY.encode(NPYArray(rows: 2, columns: 1, values: [Float(0.25), 4]))
        #expect(try ScoreFile.read(path: "-", standardInput: StandardInput { npy }).scores == [0.25, 4])
        // An explicit format still wins.
        #expect(throws: ScoreFileError.self) {
            try ScoreFile.read(path: "-", format: .text, standardInput: StandardInput { Array("score\n1\n".utf8) })
        }
    }
}
