import Foundation

/// The ROC curve with the chance diagonal and each strategy's operating point, in two panels:
/// the whole curve, and a zoom on the box holding the operating points, where each point
/// has its own marker shape and a short label beside it.
public struct ROCChart: Sendable {
    /// One strategy's operating point on the test set.
    public struct Point: Sendable {
        public var name: String
        public var fpr: Double
        public var tpr: Double
        public var style: ChartStyle
        /// Drawn larger and labelled in bold: the recommended threshold.
        public var isEmphasised: Bool
        public init(name: String, fpr: Double, tpr: Double, style: ChartStyle, isEmphasised: Bool = false) {
            self.name = name
            self.fpr = fpr
            self.tpr = tpr
            self.style = style
            self.isEmphasised = isEmphasised
        }
    }

    public var title: String
    public var falsePositiveRates: [Double]
    public var truePositiveRates: [Double]
    public var points: [Point]

    public init(title: String, falsePositiveRates: [Double], truePositiveRates: [Double], points: [Point] = []) {
        self.title = title
        self.falsePositiveRates = falsePositiveRates
        self.truePositiveRates = truePositiveRates
        self.points = points
    }

    static let left = 60.0, top = 48.0, plot = 320.0, gap = 70.0, legendWidth = 390.0
    /// Neither colour is among ``ChartPalette/thresholdColors``, so no point can be mistaken for the curve.
    static let curveColor = "#1f77b4", chanceColor = "#aaaaaa"
    /// How far from a shared operating point its strategies' markers sit, in pixels.
    static let ringRadius = 9.0

    /// The zoomed square (FPR from, TPR from, side): it holds every finite point with a margin and
    /// spans at least 0.1. It may reach past the unit square by ``edgeMargin`` of its side, so that
    /// points at FPR 0 or TPR 1, where good thresholds sit, are not cut in half by the frame.
    /// nil without finite points.
    /// - Complexity: O(points).
    public func zoom() -> (fpr: Double, tpr: Double, side: Double)? {
        let finite = points.filter { $0.fpr.isFinite && $0.tpr.isFinite }
        guard let f0 = finite.map(\.fpr).min(), let f1 = finite.map(\.fpr).max(),
              let t0 = finite.map(\.tpr).min(), let t1 = finite.map(\.tpr).max() else { return nil }
        let side = min(1, max(0.1, (f1 - f0) * 1.3 + 0.06, (t1 - t0) * 1.3 + 0.06))
        let margin = Self.edgeMargin * side
        func start(_ lo: Double, _ hi: Double) -> Double { min(1 + margin - side, max(-margin, (lo + hi) / 2 - side / 2)) }
        return (start(f0, f1), start(t0, t1), side)
    }

    /// How far, as a share of its side, the zoom may reach past 0 and 1.
    public static let edgeMargin = 0.06

    /// The chart as an SVG document.
    /// - Complexity: O(curve points + operating points²) (the label layout).
    public func svg() -> String {
        let zoomed = zoom()
        let width = Self.left + Self.plot + (zoomed == nil ? 40 : Self.gap + Self.plot + 30) + Self.legendWidth
        let height = max(Self.top + Self.plot + 56, Self.top + 24 + Double(points.count + 2) * 18)
        var doc = SVGDocument(width: width, height: height)
        doc.text(title, x: Self.left, y: 24, size: 16)
        let full = Panel(x: Self.left, y: Self.top, size: Self.plot, fpr: 0, tpr: 0, side: 1)
        draw(full, on: &doc, id: "roc-full", labelled: false)
        var legendX = Self.left + Self.plot + 40
        if let z = zoomed {
            let panel = Panel(x: Self.left + Self.plot + Self.gap, y: Self.top, size: Self.plot, fpr: z.fpr, tpr: z.tpr, side: z.side)
            doc.frame(x: full.px(z.fpr), y: full.py(z.tpr + z.side), width: z.side * Self.plot, height: z.side * Self.plot, stroke: "#555", dash: "3,2")
            doc.text("zoom", x: panel.x, y: Self.top - 6, size: 11, fill: "#555")
            draw(panel, on: &doc, id: "roc-zoom", labelled: true)
            legendX = panel.x + Self.plot + 30
        }
        doc.beginGroup(data: [("legend", "ROC curve")])
        doc.line(x1: legendX, y1: Self.top + 8, x2: legendX + 12, y2: Self.top + 8, stroke: Self.curveColor, width: 2)
        doc.text("ROC curve of the test images", x: legendX + 18, y: Self.top + 12, size: 10.5)
        doc.endGroup()
        doc.beginGroup(data: [("legend", "chance")])
        doc.line(x1: legendX, y1: Self.top + 26, x2: legendX + 12, y2: Self.top + 26, stroke: Self.chanceColor, dash: "4,4")
        doc.text("chance (AUROC 0.5)", x: legendX + 18, y: Self.top + 30, size: 10.5)
        doc.endGroup()
        for (i, p) in points.enumerated() {
            let y = Self.top + 8 + Double(i + 2) * 18
            doc.beginGroup(data: [("legend", p.name)])
            doc.marker(p.style.marker, x: legendX + 6, y: y, radius: 4.5, color: p.style.color)
            let rates = p.fpr.isFinite && p.tpr.isFinite ? "FPR \(String(format: "%.3f", p.fpr)), TPR \(String(format: "%.3f", p.tpr))" : "no point"
            doc.text("\(ChartPalette.legendName(p.style.label, p.name)): \(rates)\(p.isEmphasised ? " (recommended)" : "")",
                     x: legendX + 18, y: y + 4, size: 10.5, fill: p.style.color, bold: p.isEmphasised)
            doc.endGroup()
        }
        return doc.rendered()
    }

    /// A square plot of the FPR range fpr...fpr+side against the TPR range tpr...tpr+side.
    struct Panel {
        var x: Double, y: Double, size: Double, fpr: Double, tpr: Double, side: Double
        func px(_ f: Double) -> Double { x + (f - fpr) / side * size }
        func py(_ t: Double) -> Double { y + (1 - (t - tpr) / side) * size }
    }

    /// Small boxes every few pixels along the curve inside the panel, so labels keep off it.
    func curveBoxes(_ p: Panel, every step: Double = 4) -> [LabelLayout.Box] {
        let xy = zip(falsePositiveRates, truePositiveRates).map { (p.px($0), p.py($1)) }
        var boxes: [LabelLayout.Box] = []
        for (a, b) in zip(xy, xy.dropFirst()) {
            let n = Int((max(abs(b.0 - a.0), abs(b.1 - a.1)) / step).rounded(.up))
            for k in 0...max(0, n) {
                let t = n == 0 ? 0 : Double(k) / Double(n)
                let x = a.0 + t * (b.0 - a.0), y = a.1 + t * (b.1 - a.1)
                if x >= p.x, x <= p.x + p.size, y >= p.y, y <= p.y + p.size { boxes.append(.init(x: x - 1, y: y - 1, width: 2, height: 2)) }
            }
        }
        return boxes
    }

    func draw(_ p: Panel, on doc: inout SVGDocument, id: String, labelled: Bool) {
        doc.rect(x: p.x, y: p.y, width: p.size, height: p.size, fill: "#f7f7f7")
        for t in AxisTicks.nice(max(0, p.fpr), min(1, p.fpr + p.side), count: 4) {
            doc.line(x1: p.px(t), y1: p.y, x2: p.px(t), y2: p.y + p.size, stroke: "#e3e3e3")
            doc.text(shortNumber(t), x: p.px(t), y: p.y + p.size + 16, size: 11, anchor: "middle")
        }
        for t in AxisTicks.nice(max(0, p.tpr), min(1, p.tpr + p.side), count: 4) {
            doc.line(x1: p.x, y1: p.py(t), x2: p.x + p.size, y2: p.py(t), stroke: "#e3e3e3")
            doc.text(shortNumber(t), x: p.x - 8, y: p.py(t) + 4, size: 11, anchor: "end")
        }
        doc.text("false-positive rate", x: p.x + p.size / 2, y: p.y + p.size + 36, size: 12, anchor: "middle")
        doc.text("true-positive rate", x: p.x - 44, y: p.y + p.size / 2, size: 12, anchor: "middle", rotate: -90)
        doc.beginClip(id: id, x: p.x, y: p.y, width: p.size, height: p.size)
        doc.line(x1: p.px(0), y1: p.py(0), x2: p.px(1), y2: p.py(1), stroke: Self.chanceColor, dash: "4,4")
        doc.polyline(zip(falsePositiveRates, truePositiveRates).map { (p.px($0), p.py($1)) }, stroke: Self.curveColor)
        doc.endGroup()
        let finite = points.filter { $0.fpr.isFinite && $0.tpr.isFinite }
        // Strategies on the very same operating point: their markers sit on a small ring around it,
        // joined to it by short spokes, so every shape stays visible.
        var groups: [(fpr: Double, tpr: Double, members: [Point])] = []
        for q in finite {
            if let g = groups.firstIndex(where: { $0.fpr == q.fpr && $0.tpr == q.tpr }) { groups[g].members.append(q) } else { groups.append((q.fpr, q.tpr, [q])) }
        }
        var placed: [(point: Point, x: Double, y: Double)] = []
        for g in groups {
            let x = p.px(g.fpr), y = p.py(g.tpr), n = g.members.count
            for (k, q) in g.members.enumerated() {
                let angle = 2 * Double.pi * Double(k) / Double(n) - Double.pi / 2, ring = n > 1 ? Self.ringRadius : 0
                placed.append((q, x + ring * cos(angle), y + ring * sin(angle)))
            }
            if n > 1 {
                for m in placed.suffix(n) { doc.line(x1: x, y1: y, x2: m.x, y2: m.y, stroke: "#666", width: 0.7) }
                doc.circle(cx: x, cy: y, r: 1.5, fill: "#333")
            }
        }
        // The emphasised point last, so nothing hides it.
        for m in placed.sorted(by: { !$0.point.isEmphasised && $1.point.isEmphasised }) {
            let q = m.point
            doc.beginGroup(data: [("role", "operating-point"), ("panel", id), ("strategy", q.name), ("marker", q.style.marker.rawValue)],
                           title: "\(q.name): FPR \(String(format: "%.3f", q.fpr)), TPR \(String(format: "%.3f", q.tpr))")
            doc.marker(q.style.marker, x: m.x, y: m.y, radius: q.isEmphasised ? 7 : 5, color: q.style.color)
            doc.endGroup()
        }
        guard labelled else { return }
        // One label per distinct operating point, listing every strategy that sits on it.
        let size = 10.0
        let texts = groups.map { $0.members.map(\.style.label).joined(separator: ", ") }
        let markers = placed.map { LabelLayout.Box(x: $0.x - 6, y: $0.y - 6, width: 12, height: 12) }
        let corners = LabelLayout.beside(
            anchors: groups.map { (p.px($0.fpr), p.py($0.tpr)) }, sizes: texts.map { (LabelLayout.width($0, size: size), size + 2) },
            obstacles: markers + curveBoxes(p), bounds: LabelLayout.Box(x: p.x, y: p.y, width: p.size, height: p.size))
        for (g, c) in zip(groups, corners) {
            var parts: [(text: String, fill: String)] = []
            for (k, m) in g.members.enumerated() { parts += (k == 0 ? [] : [(", ", "#555")]) + [(m.style.label, m.style.color)] }
            doc.beginGroup(data: [("role", "point-label"), ("strategies", g.members.map(\.name).joined(separator: ","))])
            doc.text(parts: parts, x: c.x, y: c.y + size, size: size, bold: g.members.contains(where: \.isEmphasised))
            doc.endGroup()
        }
    }
}
