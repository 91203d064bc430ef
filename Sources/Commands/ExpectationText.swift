import Foundation
import Thresholding

/// How commands print what to expect from a fitted threshold; a guarantee appears only where one holds.
enum ExpectationText {
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// Lines such as "expected FPR 4.8% (95%: 1.2%–11.6%; cross-fitted over 5 folds of 42 good scores)".
    static func lines(_ fitted: FittedThreshold) -> [String] {
        guard let x = fitted.expectation else { return ["expected FPR: not estimated (no held-out good scores)"] }
        var lines = ["expected FPR \(percent(x.expectedFPR)) (95%: \(percent(x.falseAlarms.lower))–\(percent(x.falseAlarms.upper)); \(x.basis))"]
        if let tpr = x.detections {
            lines.append("estimated TPR \(percent(tpr.estimate)) on \(tpr.trials) \(x.anomalySource) (95%: \(percent(tpr.lower))–\(percent(tpr.upper)); an estimate on fakes, not on real defects)")
        }
        lines.append(x.guarantee.isGuarantee ? "guarantee: \(x.guarantee.text)" : "no guarantee: \(x.guarantee.text)")
        if let reason = fitted.reason { lines.append("chosen because: \(reason)") }
        return lines
    }
}
