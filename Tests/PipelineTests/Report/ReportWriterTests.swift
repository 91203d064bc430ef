import ArrayFormats
import Foundation
import Testing
import Thresholding
@testable import Pipeline

@Suite struct ReportWriterTests {
    static func result() throws -> DatasetComparisonResult {
        let calibration: [Double] = (0..<40).map { Double($0) / 4 }
        let test: [DatasetComparisonResult.ScoredImage] =
            (0..<10).map { .init(path: "test/good/\($0).png", category: "good", isAnomalous: false, score: Double($0), pValue: 0.5) }
            + (0..<5).map { .init(path: "test/crack/\($0),x.png", category: "crack", isAnomalous: true, score: 8 + Double($0), pValue: 0.02) }
        let comparison = try StrategyComparison(
            strategies: [ConformalThreshold(alpha: 0.05), SyntheticAnomalyThreshold()],
            calibration: calibration, synthetic: [9, 10, 11], testNormal: test.filter { !$0.isAnomalous }.map(\.score),
            testAnomalous: test.filter(\.isAnomalous).map(\.score))
        return DatasetComparisonResult(
            dataset: "/data/bottle", scorer: "kde", features: "pixels", calibration: .split, alpha: 0.05, comparison: comparison,
            recommended: .init(strategy: "synthetic-ba", reason: "synthetic anomalies separate well"), test: test,
            calibrationScores: calibration, syntheticScores: [9, 10, 11],
            shift: try KolmogorovSmirnov(uniform: test.filter { !$0.isAnomalous }.compactMap(\.pValue)), detectorPath: "detector.tkd")
    }

    /// The shift warning says which way the test-good scores moved, and so which way the false alarms go.
    @Test func shiftWarningNamesTheDirection() throws {
        var r = try Self.result()
        r.shift = try KolmogorovSmirnov(uniform: (0..<30).map { 0.001 + 0.1 * Double($0) / 29 })
        #expect(r.shiftWarning?.contains("score higher than the calibration images, so expect more false alarms than α") == true)
        r.shift = try KolmogorovSmirnov(uniform: (0..<30).map { 0.8 + 0.2 * Double($0) / 29 })
        #expect(r.shiftWarning?.contains("score lower than the calibration images") == true)
        r.shift = try KolmogorovSmirnov(uniform: (0..<30).map { (Double($0) + 0.5) / 30 })
        #expect(r.shiftWarning == nil)
    }

    @Test func jsonAddsExactlyCalibrationAndRecommended() throws {
        let j = try Self.result().json()
        #expect(j.objectValue?.map(\.key) == ["auroc", "n_calibration", "alpha", "strategies", "calibration", "scorer", "recommended", "recommendation_check"])
        #expect(j["calibration"]?.stringValue == "split")
        #expect(j["recommended"]?["strategy"]?.stringValue == "synthetic-ba")
    }

    @Test func writesEveryFileAndFlagsAShift() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tk-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.result()
        let files = try ReportWriter.write(r, detector: nil, samples: [], to: dir)
        #expect(files == ["report.md", "report.json", "scores.csv", "histogram.svg", "roc.svg"])
        let csv = try String(contentsOfFile: dir + "/scores.csv", encoding: .utf8)
        #expect(csv.hasPrefix("file,category,label,score,p_value\ntest/good/0.png,good,0,0,0.5\n"))
        #expect(csv.contains("\"test/crack/0,x.png\",crack,1,8,0.02\n"))   // commas quoted
        let md = try String(contentsOfFile: dir + "/report.md", encoding: .utf8)
        #expect(md.contains("**Recommended threshold: `synthetic-ba`**"))
        #expect(md.contains("| conformal |") && md.contains("`detector.tkd`"))
        // All test-good p-values are 0.5: clearly not uniform, so the report warns.
        #expect(md.contains("> **Warning:** test-good p-values are not uniform"))
        let report = try JSONValue.read(path: dir + "/report.json")
        #expect(report["test_good_p_value_uniformity"]?["shift_suspected"]?.boolValue == true)
        #expect(try String(contentsOfFile: dir + "/roc.svg", encoding: .utf8).contains("AUROC 0.9600"))   // pairs: (8.5 + 9.5 + 3·10)/50
    }
}
