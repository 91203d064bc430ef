import ArrayFormats
import Testing
@testable import Commands

@Suite struct MetricsCommandTests {
    /// labels [0,0,0,1,1], scores [2.3,1.6,2.6,7.9,3.3]: every anomaly outranks every normal.
    static let reference = "score,label\n2.3,0\n1.6,0\n2.6,0\n7.9,1\n3.3,1\n"

    @Test func exactMetricsOnTheReferenceCase() throws {
        let f = TempFile(Self.reference, ext: "csv")
        let r = runCLI(["metrics", "--test", f.path, "--threshold", "2.5", "--json", "--curves"])
        #expect(r.code == 0)
        let j = try r.json()
        #expect(j["auroc"]?.doubleValue == 1)
        #expect(j["average_precision"]?.doubleValue == 1)
        let at = try #require(j["at_threshold"])
        // ≥ 2.5 flags 2.6, 3.3, 7.9: TP 2, FP 1, TN 2, FN 0.
        let counts: [Double?] = ["tp", "fp", "tn", "fn"].map { at[$0]?.doubleValue }
        #expect(counts == [2, 1, 2, 0])
        #expect(at["precision"]?.doubleValue == 2.0 / 3)
        #expect(at["f1"]?.doubleValue == 0.8)
        let expectedBA: Double = (1 + 2.0 / 3) / 2
        #expect(abs((at["balanced_accuracy"]?.doubleValue ?? 0) - expectedBA) < 1e-15)
        #expect(j["oracle-best-f1"]?["threshold"]?.doubleValue == 3.3)
        #expect(j["oracle-best-balanced-accuracy"]?["balanced_accuracy"]?.doubleValue == 1)
        // ROC starts at (0, 0) with threshold +∞, written null.
        #expect(j["roc"]?["thresholds"]?[0]?.isNull == true)
        #expect(j["roc"]?["fpr"]?.arrayValue?.count == 6)
    }

    @Test func tiesAreHalfCounted() throws {
        // One normal and one anomaly tied at 1: AUROC = (1 + ½·1 + 1 + 1)/4 with pairs (a,n).
        let f = TempFile("score,label\n1,0\n0,0\n1,1\n2,1\n", ext: "csv")
        let j = try runCLI(["metrics", "--test", f.path, "--json"]).json()
        #expect(j["auroc"]?.doubleValue == 0.875)
    }

    @Test func unlabelledOrOneClassIsADataError() {
        let f = TempFile("1\n2\n", ext: "txt")
        #expect(runCLI(["metrics", "--test", f.path]).code == 1)
        let g = TempFile("score,label\n1,1\n2,1\n", ext: "csv")
        let r = runCLI(["metrics", "--test", g.path])
        #expect(r.code == 1)
        #expect(r.stderr.contains(g.path))
        #expect(runCLI(["metrics"]).code == 2)
    }
}
