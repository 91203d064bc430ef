import ArrayFormats
import Thresholding

/// Renders a ``StrategyComparison`` as the compare table (its JSON lives in Pipeline).
enum ComparisonReport {
    /// The aligned table: one row per strategy, errors in the note column.
    static func table(_ c: StrategyComparison, units: ScoreUnits = ScoreUnits(lowerIsAnomalous: false)) -> String {
        // Expected FPR (95% interval) and estimated TPR come from good and synthetic scores only;
        // FPR, TPR, F1 and BA are measured on the labelled test scores.
        var t = TextTable(header: ["strategy", "threshold", "target FPR", "expected FPR [95%]", "est. TPR", "FPR", "TPR", "F1", "BA", "note"])
        t.rightAligned = [1, 2, 3, 4, 5, 6, 7, 8]
        for e in c.entries {
            let x = e.fitted?.expectation
            let note = e.error?.description ?? e.testSetNote ?? x.map { $0.guarantee.isGuarantee ? $0.guarantee.text : "estimate" } ?? ""
            t.rows.append([
                e.name, e.fitted.map { NumberText.exact(units.shown($0.value)) } ?? "—", NumberText.rate(e.targetFPR),
                x.map { "\(NumberText.rate($0.expectedFPR)) [\(NumberText.rate($0.falseAlarms.lower)), \(NumberText.rate($0.falseAlarms.upper))]" } ?? "—",
                NumberText.rate(x?.estimatedTPR),
                NumberText.rate(e.counts?.falsePositiveRate), NumberText.rate(e.counts?.truePositiveRate),
                NumberText.rate(e.counts?.f1), NumberText.rate(e.counts?.balancedAccuracy), note,
            ])
        }
        return t.render()
    }

    /// Warnings from fitted strategies, prefixed with their names.
    static func warnings(_ c: StrategyComparison) -> [String] {
        c.entries.flatMap { e in (e.fitted?.warnings ?? []).map { "warning: \(e.name): \($0)" } }
    }
}
