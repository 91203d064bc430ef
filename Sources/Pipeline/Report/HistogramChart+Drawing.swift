import Foundation

/// The geometry and drawing of one ``HistogramChart``.
struct HistogramLayout {
    let chart: HistogramChart
    let x0: Double, x1: Double
    let width = 1040.0, left = 64.0, legendWidth = 370.0, plotHeight = 300.0, bottom = 52.0
    static let labelSize = 10.0, rowHeight = 13.0, labelGap = 4.0, edgeGap = 10.0

    init(chart: HistogramChart, x0: Double, x1: Double) {
        self.chart = chart
        (self.x0, self.x1) = x1 > x0 ? (x0, x1) : (x0 - 0.5, x0 + 0.5)
    }

    /// Per series: the share of its scores in each bin, below x0 and above x1.
    struct Counts { var bins: [Double]; var below: Int; var above: Int }

    func counts() -> [Counts] {
        let binWidth = (x1 - x0) / Double(chart.bins)
        return chart.series.map { s in
            var c = Counts(bins: [Double](repeating: 0, count: chart.bins), below: 0, above: 0)
            for v in s.scores where v.isFinite {
                if v < x0 { c.below += 1 } else if v > x1 { c.above += 1 } else { c.bins[min(chart.bins - 1, Int((v - x0) / binWidth))] += 1 }
            }
            let n = Double(max(1, s.scores.count))
            c.bins = c.bins.map { $0 / n }
            return c
        }
    }

    func draw() -> String {
        let counts = counts()
        let below = counts.map(\.below).reduce(0, +), above = counts.map(\.above).reduce(0, +)
        let plotRight = width - legendWidth
        let edgeWidth = max(44, (plotRight - left) / Double(chart.bins) * 2)
        // The binned area, with a column for the clipped scores at each edge that has some.
        let areaLeft = left + (below > 0 ? edgeWidth + Self.edgeGap : 0)
        let areaRight = plotRight - (above > 0 ? edgeWidth + Self.edgeGap : 0)
        func px(_ v: Double) -> Double { areaLeft + (v - x0) / (x1 - x0) * (areaRight - areaLeft) }

        let lines = chart.thresholds.filter { $0.value.isFinite && $0.value >= x0 && $0.value <= x1 }
        let labelRows = labelRows(lines, x: px, lower: areaLeft, upper: areaRight)
        let rowCount = (labelRows.map(\.row).max() ?? -1) + 1
        let top = 56 + Double(rowCount) * Self.rowHeight + (rowCount > 0 ? 10 : 0)
        let height = top + plotHeight + bottom
        var doc = SVGDocument(width: width, height: height)
        doc.text(chart.title, x: left, y: 24, size: 16)
        if below + above > 0 {
            doc.text("x-axis clipped to \(shortNumber(x0)) … \(shortNumber(x1)); \(below + above) score(s) beyond it are counted in the dashed underflow/overflow column(s)",
                     x: left, y: 42, size: 11, fill: "#666")
        }

        // Axes, grid and ticks: the y-axis is each group's share of its scores per bin.
        let peak = max(counts.flatMap(\.bins).max() ?? 0, 1e-12)
        let bottomY = top + plotHeight
        func py(_ share: Double) -> Double { bottomY - min(1, share / peak) * plotHeight }
        for t in AxisTicks.nice(0, peak, count: 5) {
            doc.line(x1: left, y1: py(t), x2: plotRight, y2: py(t), stroke: t == 0 ? "#444" : "#e6e6e6")
            doc.text(shortNumber(t * 100) + "%", x: left - 6, y: py(t) + 4, size: 11, anchor: "end")
        }
        doc.line(x1: left, y1: top, x2: left, y2: bottomY, stroke: "#444")
        for t in AxisTicks.nice(x0, x1, count: 7) {
            doc.line(x1: px(t), y1: bottomY, x2: px(t), y2: bottomY + 4, stroke: "#444")
            doc.text(shortNumber(t), x: px(t), y: bottomY + 17, size: 11, anchor: "middle")
        }
        doc.text("score", x: (areaLeft + areaRight) / 2, y: bottomY + 40, size: 12, anchor: "middle")
        doc.text("share of group per bin", x: 16, y: top + plotHeight / 2, size: 12, anchor: "middle", rotate: -90)

        let binPixels = (areaRight - areaLeft) / Double(chart.bins)
        for (s, c) in zip(chart.series, counts) {
            for (i, v) in c.bins.enumerated() where v > 0 {
                doc.rect(x: areaLeft + Double(i) * binPixels, y: py(v), width: binPixels, height: bottomY - py(v), fill: s.color, opacity: 0.45)
            }
        }
        if below > 0 { edgeColumn(&doc, title: "underflow", x: left, width: edgeWidth, top: top, bottomY: bottomY, counts: counts.map(\.below), py: py, label: "< \(shortNumber(x0))") }
        if above > 0 {
            edgeColumn(&doc, title: "overflow", x: plotRight - edgeWidth, width: edgeWidth, top: top, bottomY: bottomY, counts: counts.map(\.above), py: py, label: "> \(shortNumber(x1))")
        }

        // Threshold lines, each tied by a thin leader to its label in the rows above the plot.
        // The emphasised line last, so a coincident one cannot hide it.
        for (line, placed) in zip(lines, labelRows).sorted(by: { !$0.0.isEmphasised && $1.0.isEmphasised }) {
            let x = px(line.value), labelY = 56 + Double(placed.row) * Self.rowHeight + Self.labelSize
            doc.beginGroup(data: [("role", "threshold"), ("strategy", line.name)], title: "\(line.name) = \(shortNumber(line.value))")
            doc.line(x1: x, y1: top, x2: x, y2: bottomY, stroke: line.style.color, width: line.isEmphasised ? 3 : 1.5, dash: line.style.dash)
            doc.line(x1: placed.centre, y1: labelY + 2, x2: x, y2: top, stroke: line.style.color, width: 0.8)
            doc.text(line.style.label, x: placed.centre, y: labelY, size: Self.labelSize, anchor: "middle", fill: line.style.color,
                     bold: line.isEmphasised)
            doc.endGroup()
        }
        legend(&doc, counts: counts, top: top, x: plotRight + 24)
        return doc.rendered()
    }

    /// One row when the labels fit side by side in the plot's width, else two, alternating.
    func labelRows(_ lines: [HistogramChart.Line], x px: (Double) -> Double, lower: Double, upper: Double) -> [(row: Int, centre: Double)] {
        let widths = lines.map { LabelLayout.width($0.style.label, size: Self.labelSize) }
        let needed = widths.reduce(0, +) + Self.labelGap * Double(max(0, lines.count - 1))
        let rows = needed <= upper - lower ? 1 : max(2, Int((needed / (upper - lower)).rounded(.up)))
        let order = lines.indices.sorted { lines[$0].value < lines[$1].value }
        var result = [(row: Int, centre: Double)](repeating: (0, 0), count: lines.count)
        for r in 0..<rows {
            let members = order.enumerated().filter { $0.offset % rows == r }.map(\.element)
            let centres = LabelLayout.spread(centres: members.map { px(lines[$0].value) }, widths: members.map { widths[$0] },
                                             gap: Self.labelGap, lower: lower, upper: upper)
            for (i, c) in zip(members, centres) { result[i] = (r, c) }
        }
        return result
    }

    /// A column for the scores beyond one edge: a bar per group with scores there, side by side,
    /// its height the group's share (clipped at the plot's top), with the count on it.
    func edgeColumn(_ doc: inout SVGDocument, title: String, x: Double, width: Double, top: Double, bottomY: Double, counts: [Int],
                    py: (Double) -> Double, label: String) {
        doc.beginGroup(data: [("role", title), ("range", label)])
        defer { doc.endGroup() }
        doc.rect(x: x, y: top, width: width, height: bottomY - top, fill: "#f2f2f2")
        doc.frame(x: x, y: top, width: width, height: bottomY - top, stroke: "#999", dash: "3,2")
        doc.text(title, x: x + width / 2, y: bottomY + 30, size: 10, anchor: "middle", fill: "#666")
        let members = zip(chart.series, counts).filter { $0.1 > 0 }
        let barWidth = width / Double(max(1, members.count))
        for (k, (s, n)) in members.enumerated() {
            let share = Double(n) / Double(max(1, s.scores.count)), barTop = py(share), barX = x + Double(k) * barWidth
            doc.beginGroup(data: [("series", s.name), ("count", "\(n)")])
            doc.rect(x: barX, y: barTop, width: barWidth, height: bottomY - barTop, fill: s.color, opacity: 0.6)
            doc.text("\(n)", x: barX + barWidth / 2, y: barTop > top + 14 ? barTop - 3 : top + 12, size: 10, anchor: "middle")
            doc.endGroup()
        }
        doc.text(label, x: x + width / 2, y: bottomY + 17, size: 11, anchor: "middle")
    }

    func legend(_ doc: inout SVGDocument, counts: [Counts], top: Double, x: Double) {
        var y = top
        for (s, c) in zip(chart.series, counts) {
            doc.beginGroup(data: [("legend", s.name)])
            doc.rect(x: x, y: y, width: 12, height: 12, fill: s.color, opacity: 0.6)
            let beyond = c.below + c.above > 0 ? ", \(c.below + c.above) in the overflow column(s)" : ""
            doc.text("\(s.name) (\(s.scores.count)\(beyond))", x: x + 18, y: y + 10, size: 11)
            doc.endGroup()
            y += 18
        }
        y += 8
        for t in chart.thresholds {
            let shown = t.value.isFinite && t.value >= x0 && t.value <= x1
            doc.beginGroup(data: [("legend", t.name)])
            doc.line(x1: x, y1: y + 6, x2: x + 22, y2: y + 6, stroke: t.style.color, width: t.isEmphasised ? 3 : 1.5, dash: t.style.dash)
            let value = t.value.isFinite ? String(format: "%.5g", t.value) : "—"
            doc.text("\(ChartPalette.legendName(t.style.label, t.name)) = \(value)\(shown ? "" : " (off axis)")\(t.isEmphasised ? "  (recommended)" : "")",
                     x: x + 28, y: y + 10, size: 11, fill: t.style.color, bold: t.isEmphasised)
            doc.endGroup()
            y += 16
        }
    }
}
