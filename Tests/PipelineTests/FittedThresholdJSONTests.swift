import ArrayFormats
import Testing
import Thresholding
@testable import Pipeline

@Suite struct FittedThresholdJSONTests {
    @Test func aThresholdWithItsExpectationAndReasonReadsBackEqual() throws {
        let good = (0..<50).map { Double($0) / 10 }, fakes = (0..<30).map { 4 + Double($0) / 10 }
        var fitted = try SyntheticAnomalyThreshold().fitWithExpectation(normal: good, anomalous: fakes)
        fitted.reason = "because"
        let text = fitted.json.serialized()
        let back = try FittedThreshold(json: try JSONValue.parse(text))
        #expect(back == fitted)
        #expect(back.expectation?.detections?.trials == 30)
    }

    @Test func everyGuaranteeKindAndAnInSampleCountSurviveTheRoundTrip() throws {
        for strategy in [ConformalThreshold(alpha: 0.1), ManualThreshold(value: 2), GaussianThreshold()] as [any Threshold] {
            let fitted = try strategy.fitWithExpectation(normal: (0..<30).map(Double.init))
            #expect(try FittedThreshold(json: fitted.json) == fitted, "\(strategy.name)")
        }
        let crossFitted = CalibrationMode.crossfit.adjusting(try ConformalThreshold(alpha: 0.1).fitWithExpectation(normal: (0..<30).map(Double.init)))
        #expect(crossFitted.expectation?.guarantee == .falseAlarmBound(0.2, basis: "split conformal, cross-fitted calibration: 2α in the worst case"))
        #expect(try FittedThreshold(json: crossFitted.json) == crossFitted)
    }

    @Test func filesWrittenBeforeExpectationsReadWithoutOne() throws {
        let old: JSONValue = ["strategy": "conformal", "threshold": 1.5, "target_fpr": 0.05, "n": 20, "warnings": []]
        let t = try FittedThreshold(json: old)
        #expect(t.expectation == nil && t.reason == nil && t.details == [Detail("n", 20)])
    }

    @Test func aMalformedExpectationIsAnErrorNamingTheField() throws {
        var fields = try #require(try ConformalThreshold(alpha: 0.1).fitWithExpectation(normal: (0..<30).map(Double.init)).json.objectValue)
        let i = try #require(fields.firstIndex { $0.key == "false_alarms" })
        fields[i].value = [5, 3]
        #expect(throws: ArchiveFieldError(field: "false_alarms", reason: "must be [k, n] with 0 ≤ k ≤ n and n ≥ 1")) {
            try FittedThreshold(json: .object(fields))
        }
    }
}
