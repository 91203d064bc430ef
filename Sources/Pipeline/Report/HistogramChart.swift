/// Overlaid score histograms with each threshold drawn as a labelled vertical line.
public struct HistogramChart: Sendable {
    /// One group of scores drawn as translucent bars.
    public struct Series: Sendable {
        public var name: String
        public var scores: [Double]
        public var color: String
        public init(name: String, scores: [Double], color: String) {
            self.name = name
            self.scores = scores
            self.color = color
        }
    }

    public var title: String
    public var series: [Series]
    /// Threshold name and value, e.g. ("conformal", 3.2).
    public var thresholds: [(name: String, value: Double)]
    public var bins: Int

    public init(title: String, series: [Series], thresholds: [(name: String, value: Double)], bins: Int = 40) {
        self.title = title
        self.series = series
        self.thresholds = thresholds
        self.bins = bins
    }

    /// The chart as an SVG document. Bars are densities, so groups of different sizes compare.
    public func svg() -> String {
        let w = 900.0, h = 420.0, left = 60.0, right = 180.0, top = 40.0, bottom = 50.0
        var doc = SVGDocument(width: w, height: h)
        doc.text(title, x: left, y: 24, size: 16)
        let values = series.flatMap(\.scores).filter(\.isFinite) + thresholds.map(\.value).filter(\.isFinite)
        guard let lo = values.min(), let hi = values.max() else { return doc.rendered() }
        let span = hi > lo ? hi - lo : 1
        let x0 = lo - 0.02 * span, x1 = hi + 0.02 * span
        let plotW = w - left - right, plotH = h - top - bottom
        func px(_ v: Double) -> Double { left + (v - x0) / (x1 - x0) * plotW }
        let binWidth = (x1 - x0) / Double(bins)
        let densities: [[Double]] = series.map { s in
            var counts = [Double](repeating: 0, count: bins)
            for v in s.scores where v.isFinite { counts[min(bins - 1, max(0, Int((v - x0) / binWidth)))] += 1 }
            return counts.map { s.scores.isEmpty ? 0 : $0 / Double(s.scores.count) }
        }
        let peak = densities.flatMap { $0 }.max() ?? 1
        doc.line(x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: "#444")
        doc.line(x1: left, y1: top, x2: left, y2: top + plotH, stroke: "#444")
        for (s, d) in zip(series, densities) {
            for (i, v) in d.enumerated() where v > 0 {
                let barH = v / peak * plotH
                doc.rect(x: px(x0 + Double(i) * binWidth), y: top + plotH - barH, width: plotW / Double(bins), height: barH, fill: s.color, opacity: 0.45)
            }
        }
        for t in 0...4 {
            let v = x0 + Double(t) / 4 * (x1 - x0)
            doc.text(shortNumber(v), x: px(v), y: top + plotH + 18, size: 11, anchor: "middle")
        }
        doc.text("score", x: left + plotW / 2, y: h - 10, size: 12, anchor: "middle")
        doc.text("share of group", x: 16, y: top + plotH / 2, size: 12, anchor: "middle", rotate: -90)
        let palette = ["#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#ff7f0e"]
        for (i, t) in thresholds.enumerated() where t.value.isFinite {
            let c = palette[i % palette.count]
            doc.line(x1: px(t.value), y1: top, x2: px(t.value), y2: top + plotH, stroke: c, width: 1.5, dash: "5,3")
            doc.text(t.name, x: left + plotW + 12, y: top + 120 + Double(i) * 16, size: 11, fill: c)
        }
        for (i, s) in series.enumerated() {
            doc.rect(x: left + plotW + 12, y: top + Double(i) * 18, width: 12, height: 12, fill: s.color, opacity: 0.6)
            doc.text("\(s.name) (\(s.scores.count))", x: left + plotW + 30, y: top + 10 + Double(i) * 18, size: 11)
        }
        return doc.rendered()
    }
}

/// Up to 4 significant digits, for axis labels.
func shortNumber(_ v: Double) -> String {
    let text = String(format: "%.4g", v)
    return text == "-0" ? "0" : text
}

import Foundation
