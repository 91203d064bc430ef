import ArrayFormats
import Testing
@testable import Commands

/// The transductive `batch-ba`: fitted on good scores and the unlabelled batch it labels.
@Suite struct BatchStrategyCommandTests {
    /// The hand-computed case of BatchMixtureThresholdTests: good 1…9, batch 2, 4, …, 50; the cut-off is 20.
    static let good = TempFile((1...9).map { "\($0)" }.joined(separator: "\n"), ext: "txt")
    static let batch = TempFile("2\n4\n6\n8\n20\n30\n40\n50\n", ext: "txt")

    @Test func thresholdNeedsBatchAndFitsOnIt() throws {
        let missing = runCLI(["threshold", "--strategy", "batch-ba", "--normal", Self.good.path])
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("batch-ba needs --batch FILE"))
        let r = runCLI(["threshold", "--strategy", "batch-ba", "--normal", Self.good.path, "--batch", Self.batch.path, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let j = try r.json()
        #expect(j["threshold"]?.doubleValue == 20)
        #expect(j["estimated_tpr"]?.isNull == true)
        #expect(j["guarantee"]?.stringValue?.contains("transductive") == true)
    }

    @Test func batchIsIgnoredWithAWarningByOtherStrategies() {
        let r = runCLI(["threshold", "--strategy", "mad", "--normal", Self.good.path, "--batch", Self.batch.path])
        #expect(r.code == 0)
        #expect(r.stderr.contains("--batch is ignored by mad"))
    }

    @Test func labelFitsOnTheInputItselfAndKeepsItsRowOrder() throws {
        let r = runCLI(["label", "--strategy", "batch-ba", "--normal", Self.good.path, "--input", Self.batch.path, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let rows = try #require(try r.json().arrayValue)
        #expect(rows.map { $0["label"]?.doubleValue } == [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(rows.allSatisfy { $0["threshold"]?.doubleValue == 20 })
    }

    @Test func fitAndRethresholdRefuseATransductiveStrategyAsAUsageError() {
        let fit = runCLI(["fit", "--train", "train.npy", "--model", "out.tkd", "--threshold", "batch-ba"])
        #expect(fit.code == 2)
        #expect(fit.stderr.contains("batch-ba is transductive"))
        #expect(fit.stderr.contains("thresholdkit label --strategy batch-ba"))
        let re = runCLI(["fit", "--rethreshold", "old.tkd", "--model", "new.tkd", "--threshold", "batch-ba"])
        #expect(re.code == 2)
        #expect(re.stderr.contains("transductive"))
    }

    @Test func badBatchesEndInAClearErrorAndExitCode() throws {
        let empty = TempFile("", ext: "txt")
        let e = runCLI(["threshold", "--strategy", "batch-ba", "--normal", Self.good.path, "--batch", empty.path])
        #expect(e.code == 1)
        #expect(e.stderr.contains("batch-ba: need at least 1 score, got 0 (the unlabelled batch is empty)"))
        let nan = TempFile("20\nnan\n30\n", ext: "txt")
        let n = runCLI(["threshold", "--strategy", "batch-ba", "--normal", Self.good.path, "--batch", nan.path])
        #expect(n.code == 1)
        #expect(n.stderr.contains("\(nan.path), line 2"))
        // Huge finite scores: a finite cut-off among them, not an overflow.
        let huge = TempFile("1e308\n1.7e308\n-1e308\n1.5e308\n1.6e308\n1.65e308\n", ext: "txt")
        let h = runCLI(["threshold", "--strategy", "batch-ba", "--normal", Self.good.path, "--batch", huge.path, "--json"])
        #expect(h.code == 0, "\(h.stderr)")
        #expect(try h.json()["threshold"]?.doubleValue?.isFinite == true)
        for args in [["--batch", Self.batch.path, "--batch", Self.batch.path], ["--lambda", "1", "--batch", Self.batch.path]] {
            let r = runCLI(["threshold", "--strategy", "batch-ba", "--normal", Self.good.path] + args)
            #expect(r.code == 2, "\(args): \(r.stderr)")
        }
        let stdinTwice = runCLI(["threshold", "--strategy", "batch-ba", "--normal", "-", "--batch", "-"])
        #expect(stdinTwice.code == 2)
        #expect(stdinTwice.stderr.hasPrefix("error: --normal and --batch both read standard input"))
    }
}

