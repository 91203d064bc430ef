import Testing
@testable import ScoreFiles

@Suite struct ScoreFileFormatTests {
    @Test(arguments: [
        ("a.csv", ScoreFileFormat.csv), ("dir.v2/A.CSV", .csv), ("x.tsv", .tsv), ("x.npy", .npy),
        ("x.Json", .json), ("x.txt", .text), ("x.text", .text), ("scores", .text), ("dir.csv/scores", .text),
        (".csv", .text), ("x.csv.gz", .text),
    ])
    func choosesFormatByExtension(path: String, format: ScoreFileFormat) {
        #expect(ScoreFileFormat(path: path) == format)
    }
}
