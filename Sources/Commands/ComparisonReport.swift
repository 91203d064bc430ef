import ArrayFormats
import Thresholding

/// Renders a ``StrategyComparison`` as the compare table (its JSON lives in Pipeline).
enum ComparisonReport {
    /// The aligned table: one row per strategy, errors in the note column.
    static func table(_ c: StrategyComparison, units: ScoreUnits = ScoreUnits(lowerIsAnomalous: false)) -> String {
        var t = TextTable(header: ["strategy", "threshold", "target FPR", "FPR", "TPR", "F1", "BA", "note"])
        t.rightAligned = [1, 2, 3, 4, 5, 6]
        for e in c.entries {
            let note = e.error?.description ?? (e.isOracle ? "oracle: chosen on the test labels" : "")
            t.rows.append([
                e.name, e.fitted.map { NumberText.exact(units.shown($0.value)) } ?? "—", NumberText.rate(e.targetFPR),
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
