import Testing
@testable import Pipeline

@Suite struct ROCChartTests {
    static let names = ["conformal", "conformal-conditional", "evt", "gaussian", "lognormal", "mad", "iqr", "percentile",
                        "synthetic-ba", "synthetic-f1", "oracle-best-f1", "oracle-best-balanced-accuracy"]

    @Test func drawsTheCurveAndLabelsAPoint() {
        let roc = ROCChart(title: "ROC", falsePositiveRates: [0, 0.5, 1], truePositiveRates: [0, 1, 1],
                           points: [.init(name: "oracle", fpr: 0.5, tpr: 1, style: ChartPalette.style(index: 0, name: "oracle", family: .oracle))])
        let svg = roc.svg()
        #expect(svg.contains("<polyline points=\"60.00,368.00 220.00,48.00 380.00,48.00\""))
        let doc = SVGInspection(svg: svg)
        #expect(doc.groups("role", "point-label").first?.texts == ["oracle"])
        #expect(doc.groups("legend", "ROC curve").count == 1 && doc.groups("legend", "chance").count == 1)
    }

    /// Twelve strategies, several on the very same operating point: each marker has its own shape and
    /// colour, and every strategy's short label is written beside its point and named in the legend.
    @Test func everyOperatingPointHasItsOwnShapeAndLabel() throws {
        let points = Self.names.enumerated().map { i, name in
            // Groups of three share a point, as strategies with equal thresholds do.
            ROCChart.Point(name: name, fpr: 0.02 * Double(i / 3), tpr: 0.9 + 0.02 * Double(i / 3),
                           style: ChartPalette.style(index: i, name: name, family: .normalScore))
        }
        let svg = ROCChart(title: "ROC", falsePositiveRates: [0, 0.1, 1], truePositiveRates: [0, 0.95, 1], points: points).svg()
        let doc = SVGInspection(svg: svg)
        let zoomed = doc.groups("panel", "roc-zoom")
        #expect(zoomed.map { $0.data["strategy"]! }.sorted() == Self.names.sorted())
        #expect(Set(zoomed.map { $0.data["marker"]! }).count == 12)
        #expect(Set(zoomed.map { $0.first("fill")! }).count == 12)
        // Four labels, one per shared point, naming its three strategies by their short labels.
        let labels = doc.groups("role", "point-label")
        #expect(labels.count == 4)
        #expect(Set(labels.flatMap { $0.data["strategies"]!.components(separatedBy: ",") }) == Set(Self.names))
        let written = Set(labels.flatMap(\.texts).filter { $0 != ", " })
        #expect(written == Set(points.map(\.style.label)))
        #expect(written.count == 12)
        for p in points { #expect(doc.groups("legend", p.name).count == 1, "legend entry for \(p.name)") }
    }

    /// The zoom square holds every point with a margin, and reaches past the unit square only by its edge margin.
    @Test func zoomHoldsEveryPoint() throws {
        let style = ChartPalette.style(index: 0, name: "a", family: .normalScore)
        let roc = ROCChart(title: "", falsePositiveRates: [], truePositiveRates: [],
                           points: [.init(name: "a", fpr: 0, tpr: 0.97, style: style), .init(name: "b", fpr: 0.2, tpr: 1, style: style)])
        let z = try #require(roc.zoom())
        let margin = ROCChart.edgeMargin * z.side
        #expect(z.fpr < 0 && z.fpr >= -margin - 1e-12 && z.fpr + z.side > 0.2)
        #expect(z.tpr < 0.97 && z.tpr + z.side > 1 && z.tpr + z.side <= 1 + margin + 1e-12)
    }
}
