/// The ROC curve with the chance diagonal and selected operating points marked.
public struct ROCChart: Sendable {
    public var title: String
    public var falsePositiveRates: [Double]
    public var truePositiveRates: [Double]
    /// Named operating points (FPR, TPR), e.g. each strategy's threshold on the test set.
    public var points: [(name: String, fpr: Double, tpr: Double)]

    public init(title: String, falsePositiveRates: [Double], truePositiveRates: [Double], points: [(name: String, fpr: Double, tpr: Double)] = []) {
        self.title = title
        self.falsePositiveRates = falsePositiveRates
        self.truePositiveRates = truePositiveRates
        self.points = points
    }

    public func svg() -> String {
        let size = 420.0, left = 60.0, top = 40.0, plot = 320.0, legend = 260.0
        var doc = SVGDocument(width: size + legend, height: size)
        doc.text(title, x: left, y: 24, size: 16)
        func px(_ f: Double) -> Double { left + f * plot }
        func py(_ t: Double) -> Double { top + (1 - t) * plot }
        doc.rect(x: left, y: top, width: plot, height: plot, fill: "#f7f7f7")
        doc.line(x1: px(0), y1: py(0), x2: px(1), y2: py(1), stroke: "#aaa", dash: "4,4")
        doc.polyline(zip(falsePositiveRates, truePositiveRates).map { (px($0), py($1)) }, stroke: "#1f77b4")
        for t in 0...4 {
            let v = Double(t) / 4
            doc.text(shortNumber(v), x: px(v), y: top + plot + 16, size: 11, anchor: "middle")
            doc.text(shortNumber(v), x: left - 8, y: py(v) + 4, size: 11, anchor: "end")
        }
        doc.text("false-positive rate", x: px(0.5), y: top + plot + 36, size: 12, anchor: "middle")
        doc.text("true-positive rate", x: 16, y: py(0.5), size: 12, anchor: "middle", rotate: -90)
        let palette = ["#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#ff7f0e"]
        for (i, p) in points.enumerated() where p.fpr.isFinite && p.tpr.isFinite {
            let c = palette[i % palette.count]
            doc.rect(x: px(p.fpr) - 3.5, y: py(p.tpr) - 3.5, width: 7, height: 7, fill: c)
            doc.text(p.name, x: size + 10, y: top + 12 + Double(i) * 16, size: 11, fill: c)
        }
        return doc.rendered()
    }
}
