import ArrayFormats
import Testing
@testable import Commands

@Suite struct CompareCommandTests {
    static let keys = ["conformal", "conformal-conditional", "evt", "gaussian", "mad", "iqr", "lognormal", "batch-ba",
                       "oracle-best-f1", "oracle-best-balanced-accuracy"]

    /// 41 calibration scores, like bottle's 20% hold-out, and a small labelled test set.
    static func files() -> (TempFile, TempFile) {
        let calibration = (0..<41).map { String(Double($0) * 0.25) }.joined(separator: "\n")
        var test = "score,label\n"
        for i in 0..<30 { test += "\(Double(i) * 0.2),0\n" }
        for i in 0..<20 { test += "\(6 + Double(i) * 0.5),1\n" }
        return (TempFile(calibration, ext: "txt"), TempFile(test, ext: "csv"))
    }

    @Test func jsonHasExactlyTheContractShape() throws {
        let (normal, test) = Self.files()
        let r = runCLI(["compare", "--normal", normal.path, "--test", test.path, "--alpha", "0.01", "--json"])
        #expect(r.code == 0)
        let j = try r.json()
        #expect(j.objectValue?.map(\.key) == ["auroc", "n_calibration", "alpha", "strategies"])
        #expect(j["n_calibration"]?.doubleValue == 41)
        #expect(j["alpha"]?.doubleValue == 0.01)
        let s = try #require(j["strategies"]?.objectValue)
        #expect(s.map(\.key) == Self.keys)
        for (name, entry) in s {
            let fieldNames = entry.objectValue?.map(\.key) ?? []
            #expect(Array(fieldNames.prefix(7)) == ["threshold", "f1", "balanced_accuracy", "fpr", "tpr", "target_fpr", "oracle"])
            #expect(entry["oracle"]?.boolValue == name.hasPrefix("oracle-"))
            #expect(entry["transductive"]?.boolValue == name.hasPrefix("batch-"))
        }
        // α = 0.01 with n = 41 cannot be fitted: null threshold plus an error; the rest still run.
        let conformal = try #require(j["strategies"]?["conformal"])
        #expect(conformal["threshold"]?.isNull == true)
        #expect(conformal["error"]?.stringValue?.contains("need at least 99 scores") == true)
        #expect(j["strategies"]?["mad"]?["threshold"]?.doubleValue != nil)
        // Test set separates perfectly above 6: AUROC is 1 and the BA oracle is perfect.
        #expect(j["auroc"]?.doubleValue == 1)
        #expect(j["strategies"]?["oracle-best-balanced-accuracy"]?["balanced_accuracy"]?.doubleValue == 1)
        #expect(j["strategies"]?["oracle-best-f1"]?["threshold"]?.doubleValue == 6)
    }

    @Test func textOutputIsAnAlignedTable() {
        let (normal, test) = Self.files()
        let r = runCLI(["compare", "--normal", normal.path, "--test", test.path])
        #expect(r.code == 0)
        for key in Self.keys { #expect(r.stdout.contains(key)) }
        let lines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("conformal ") || $0.hasPrefix("mad ") }
        #expect(lines.count == 2)
    }

    @Test func noInputsIsAUsageErrorWithUsage() {
        let r = runCLI(["compare"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("Run 'thresholdkit compare --help' for its options."))
    }

    @Test func unlabelledOrOneClassTestIsADataError() {
        let (normal, _) = Self.files()
        let unlabelled = TempFile("1\n2\n", ext: "txt")
        let r = runCLI(["compare", "--normal", normal.path, "--test", unlabelled.path])
        #expect(r.code == 1)
        #expect(r.stderr.contains("needs labels"))
        let oneClass = TempFile("score,label\n1,0\n2,0\n", ext: "csv")
        let r2 = runCLI(["compare", "--normal", normal.path, "--test", oneClass.path])
        #expect(r2.code == 1)
        #expect(r2.stderr.contains("labelled good"))
    }
}

@Suite struct DatasetCompareCommandTests {
    @Test func missingOrMalformedDatasetIsADataErrorNamingIt() {
        let r = runCLI(["compare", "--dataset", "/nonexistent/dataset", "--features", "pixels", "--no-cache"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("/nonexistent/dataset"))
        #expect(r.stdout.isEmpty)
    }

    @Test func badOptionsAreUsageErrors() {
        #expect(runCLI(["compare", "--dataset", "x", "--blend", "0.8,0.2"]).code == 2)
        #expect(runCLI(["compare", "--dataset", "x", "--blend", "abc"]).code == 2)
        #expect(runCLI(["compare", "--dataset", "x", "--features", "resnet"]).code == 2)
        #expect(runCLI(["compare", "--dataset", "x", "--calibration", "none"]).code == 2)
        #expect(runCLI(["compare", "--dataset", "x", "--seed", "-3"]).code == 2)
    }
}
