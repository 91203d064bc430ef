import Foundation
import Thresholding

extension ReportWriter {
    /// Each strategy's chart style, by its place among the entries, so a strategy keeps its
    /// colour and marker whether or not the others could be fitted.
    static func styles(_ r: DatasetComparisonResult) -> [String: ChartStyle] {
        var styles: [String: ChartStyle] = [:]
        for (i, e) in r.comparison.entries.enumerated() {
            styles[e.name] = ChartPalette.style(index: i, name: e.name, family: family(e))
        }
        return styles
    }

    static func family(_ e: StrategyComparison.Entry) -> ThresholdFamily {
        if e.isOracle { return .oracle }
        if e.isTransductive { return .transductive }
        switch StrategyRegistry.standard[e.name]?.family {
        case .synthetic: return .synthetic
        case .parametric: return .parametric
        default: return e.name.hasPrefix("synthetic") ? .synthetic : .normalScore
        }
    }

    static func histogram(_ r: DatasetComparisonResult) -> String {
        let good = r.test.filter { !$0.isAnomalous }.map(\.score), anomalous = r.test.filter(\.isAnomalous).map(\.score)
        let colors = ChartPalette.seriesColors
        var series: [HistogramChart.Series] = [
            .init(name: "test good", scores: good, color: colors[0]),
            .init(name: "test anomalous", scores: anomalous, color: colors[1]),
            .init(name: "calibration (held-out good)", scores: r.calibrationScores, color: colors[2]),
        ]
        if !r.syntheticScores.isEmpty { series.append(.init(name: "synthetic anomalies", scores: r.syntheticScores, color: colors[3])) }
        let styles = styles(r)
        let lines = r.comparison.entries.compactMap { e in
            e.fitted.map { HistogramChart.Line(name: e.name, value: $0.value, style: styles[e.name]!, isEmphasised: e.name == r.recommended.strategy) }
        }
        let range = HistogramChart.focusRange(good: good + r.calibrationScores, all: series.flatMap(\.scores), thresholds: lines.map(\.value))
        return HistogramChart(title: "Anomaly scores: \(r.title)", series: series, thresholds: lines, range: range).svg()
    }

    static func roc(_ r: DatasetComparisonResult) -> String {
        let normal = r.test.filter { !$0.isAnomalous }.map(\.score), anomalous = r.test.filter(\.isAnomalous).map(\.score)
        guard let curve = try? ROCCurve(normal: normal, anomalous: anomalous) else {
            return ROCChart(title: "ROC (needs both classes)", falsePositiveRates: [], truePositiveRates: []).svg()
        }
        let styles = styles(r)
        let points = r.comparison.entries.compactMap { e in
            e.counts.map {
                ROCChart.Point(name: e.name, fpr: $0.falsePositiveRate, tpr: $0.truePositiveRate, style: styles[e.name]!,
                               isEmphasised: e.name == r.recommended.strategy)
            }
        }
        return ROCChart(title: "ROC on the test images, AUROC \(String(format: "%.4f", r.comparison.auroc))",
                        falsePositiveRates: curve.falsePositiveRates, truePositiveRates: curve.truePositiveRates, points: points).svg()
    }
}
