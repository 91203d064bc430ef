import ArrayFormats
import Testing
import Thresholding
@testable import Commands

@Suite struct ThresholdCommandTests {
    @Test func conformalJSONHasTheThresholdAndDetails() throws {
        let f = TempFile((1...19).map(String.init).joined(separator: "\n"), ext: "txt")
        let r = runCLI(["threshold", "--strategy", "conformal", "--normal", f.path, "--json"])
        #expect(r.code == 0)
        let j = try r.json()
        #expect(j["strategy"]?.stringValue == "conformal")
        #expect(j["threshold"]?.doubleValue == (19.0).nextUp)
        #expect(j["target_fpr"]?.doubleValue == 0.05)
        #expect(j["n"]?.doubleValue == 19)
        #expect(j["k"]?.doubleValue == 19)
        // Shortest round-trip text, not a rounded one.
        #expect(r.stdout.contains("\"threshold\":19.000000000000004"))
    }

    @Test func adaptiveF1OnTheReferenceCaseFromALabelledCSV() throws {
        let f = TempFile("score,label\n2.3,0\n1.6,0\n2.6,good\n7.9,1\n3.3,anomalous\n", ext: "csv")
        let r = runCLI(["threshold", "--strategy", "adaptive-f1", "--normal", f.path, "--json"])
        #expect(r.code == 0)
        #expect(try r.json()["threshold"]?.doubleValue == 3.3)
    }

    @Test func separateAnomalousFileAndTextOutput() throws {
        let good = TempFile("4\n3\n2\n1\n", ext: "txt")
        let r = runCLI(["threshold", "--strategy", "adaptive-f1", "--normal", good.path])
        #expect(r.code == 0)
        // No anomalous scores: anomalib 2.7's rule returns the maximum.
        #expect(r.stdout.contains("threshold"))
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("threshold") && $0.hasSuffix(" 4") })
        let bad = TempFile("7\n9\n", ext: "txt")
        let r2 = runCLI(["threshold", "--strategy", "adaptive-f1", "--normal", good.path, "--anomalous", bad.path, "--json"])
        #expect(try r2.json()["threshold"]?.doubleValue == 7)
    }

    @Test func lowerIsAnomalousFlipsLogLikelihoods() throws {
        let f = TempFile("-1\n-2\n-3\n-4\n-100\n", ext: "txt")
        let r = runCLI(["threshold", "--strategy", "manual", "--value", "5", "--normal", f.path, "--lower-is-anomalous", "--json"])
        #expect(r.code == 0)
        let iqr = runCLI(["threshold", "--strategy", "iqr", "--normal", f.path, "--lower-is-anomalous", "--json"])
        // Flipped: [1, 2, 3, 4, 100] → Q1 2, Q3 4 → 4 + 1.5·2 = 7, shown in the file's units as −7 with the rule.
        #expect(try iqr.json()["threshold"]?.doubleValue == -7)
        #expect(try iqr.json()["rule"]?.stringValue == "score <= threshold is anomalous")
    }

    /// EVT on its own defaults chooses the level as `compare` does, min(0.98, 1 − 2α) = 0.9 at α = 0.05.
    @Test func evtWorksOnItsDefaultsWithTheAutomaticLevel() throws {
        let values = (1...200).map { Double($0) * 0.37 }
        let f = TempFile(values.map { String($0) }.joined(separator: "\n"), ext: "txt")
        let r = runCLI(["threshold", "--strategy", "evt", "--normal", f.path, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let expected = try EVTThreshold(alpha: 0.05, level: 0.9).fit(normal: values)
        #expect(try r.json()["threshold"]?.doubleValue == expected.value)
        #expect(try r.json()["level"]?.doubleValue == 0.9)
    }

    @Test func warningsGoToStderrAndJSONStaysClean() throws {
        var lines: [String] = []
        var x = 1.0
        for _ in 0..<300 { x = (x * 7919).truncatingRemainder(dividingBy: 1013); lines.append(String(x)) }
        let f = TempFile(lines.joined(separator: "\n"), ext: "txt")
        let r = runCLI(["threshold", "--strategy", "evt", "--alpha", "0.001", "--normal", f.path, "--json", "--value", "3"])
        #expect(r.code == 0)
        _ = try r.json()
        #expect(r.stderr.contains("--value is ignored by evt"))
        #expect(r.stderr.contains("peaks"))  // 300 scores at level 0.98 → 6 peaks, fewer than 10
        let quiet = runCLI(["threshold", "--strategy", "evt", "--alpha", "0.001", "--normal", f.path, "--json", "--quiet"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func badInputExitsOneAndNamesTheProblem() throws {
        let missing = runCLI(["threshold", "--strategy", "conformal", "--normal", "/nonexistent/scores.csv"])
        #expect(missing.code == 1)
        #expect(missing.stderr.contains("/nonexistent/scores.csv"))

        let word = TempFile("1\n2\nthree\n", ext: "txt")
        let r = runCLI(["threshold", "--strategy", "conformal", "--normal", word.path])
        #expect(r.code == 1)
        #expect(r.stderr.contains("line 3"))
        #expect(r.stderr.contains("three"))

        let nan = TempFile((1...30).map(String.init).joined(separator: "\n") + "\nnan\n", ext: "txt")
        let rejected = runCLI(["threshold", "--strategy", "conformal", "--normal", nan.path])
        #expect(rejected.code == 1)
        #expect(rejected.stderr.contains("line 31"))
        let dropped = runCLI(["threshold", "--strategy", "conformal", "--normal", nan.path, "--nan", "drop", "--json"])
        #expect(dropped.code == 0)
        #expect(dropped.stderr.contains("dropped 1"))
        #expect(try dropped.json()["n"]?.doubleValue == 30)

        let constant = TempFile("2\n2\n2\n2\n", ext: "txt")
        let c = runCLI(["threshold", "--strategy", "mad", "--normal", constant.path])
        #expect(c.code == 1)
        #expect(c.stderr.contains("MAD is 0"))

        let f = TempFile("1\n2\n3\n", ext: "txt")
        // A parameter out of its range is a usage error, found before any file is read.
        let a = runCLI(["threshold", "--strategy", "conformal", "--normal", f.path, "--alpha", "1.5"])
        #expect(a.code == 2)
        #expect(a.stderr.contains("--alpha expects a number in (0, 1), got '1.5'"))
    }

    @Test func emptySetIsValidButNormalScoreStrategiesNeedScores() throws {
        let header = TempFile("score,label\n", ext: "csv")
        let r = runCLI(["threshold", "--strategy", "conformal", "--normal", header.path])
        #expect(r.code == 1)
        #expect(r.stderr.contains("need at least 19 scores"))
        let bad = TempFile("5\n6\n", ext: "txt")
        let f1 = runCLI(["threshold", "--strategy", "adaptive-f1", "--normal", header.path, "--anomalous", bad.path, "--json"])
        #expect(f1.code == 0)
        #expect(try f1.json()["threshold"]?.doubleValue == 5)  // no normal scores: the minimum
    }

    @Test func usageErrorsExitTwo() {
        #expect(runCLI(["threshold", "--normal", "x.csv"]).code == 2)  // no strategy
        #expect(runCLI(["threshold", "--strategy", "median", "--normal", "x"]).code == 2)
        #expect(runCLI(["threshold", "--strategy", "manual", "--normal", "x"]).code == 2)  // manual without --value
        let typo = runCLI(["threshold", "--strategy", "conformal", "--normal", "x", "--alpah", "0.1"])
        #expect(typo.code == 2)
        #expect(typo.stderr.contains("did you mean --alpha"))
        #expect(runCLI(["threshold", "--strategy", "conformal", "--normal", "x", "--alpha", "abc"]).code == 2)
    }
}
