import Testing
@testable import Pipeline

@Suite struct HistogramChartTests {
    static func line(_ name: String, _ value: Double, _ index: Int) -> HistogramChart.Line {
        .init(name: name, value: value, style: ChartPalette.style(index: index, name: name, family: .normalScore))
    }

    @Test func drawsEveryGroupAndLabelledThreshold() {
        let chart = HistogramChart(
            title: "scores <test & calibration>",
            series: [.init(name: "test good", scores: [1, 2, 2, 3], color: "#1f77b4"),
                     .init(name: "test anomalous", scores: [5, 6], color: "#ff7f0e")],
            thresholds: [Self.line("conformal", 4, 0), Self.line("mad", 3.5, 1)], bins: 10)
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("scores &lt;test &amp; calibration&gt;"))   // escaped
        let doc = SVGInspection(svg: svg)
        #expect(doc.groups("role", "threshold").map { $0.data["strategy"] } == ["conformal", "mad"])
        #expect(doc.groups("strategy", "conformal").first?.texts == ["conf"])   // the short label where the line sits
        #expect(doc.groups("legend", "test good").first?.texts == ["test good (4)"])
        #expect(doc.groups("legend", "test anomalous").first?.texts == ["test anomalous (2)"])
        #expect(doc.groups("legend", "conformal").first?.texts == ["conf  conformal = 4"])
    }

    /// The y-axis has round ticks from 0 to the tallest bar: here ½ (2 of 4 good scores in one bin), so 0%, 10%, …, 50%.
    @Test func yAxisHasPercentTicksUpToTheTallestBar() {
        let chart = HistogramChart(title: "t", series: [.init(name: "good", scores: [1, 2, 2, 3], color: "#1f77b4")], thresholds: [], bins: 4,
                                   range: 0.5...3.5)
        for t in ["0%", "10%", "20%", "30%", "40%", "50%"] { #expect(chart.svg().contains(">\(t)</text>"), "tick \(t)") }
        #expect(!chart.svg().contains(">60%</text>"))
    }

    /// One anomalous score of 10⁴ among scores below 3: the axis stops well short of it, and the
    /// overflow column counts it (with the few others past the 99% quantile) instead of squeezing the rest.
    @Test func oneHugeOutlierGoesToTheOverflowColumn() throws {
        let good = (0..<200).map { 1 + Double($0 % 50) / 50 }             // 1 … 1.98
        let anomalous = (0..<20).map { 2.2 + Double($0) / 40 } + [10_000]  // 2.2 … 2.675 and one outlier
        let thresholds = [2.0, 2.1, 2.5]
        let range = try #require(HistogramChart.focusRange(good: good, all: good + anomalous, thresholds: thresholds))
        #expect(range.upperBound < 3)
        #expect(range.lowerBound < 1 && range.upperBound > 2.5)
        let beyond = anomalous.filter { $0 > range.upperBound }.count
        #expect((1...3).contains(beyond))   // the outlier, and at most the ~1% the quantile leaves out
        let chart = HistogramChart(title: "outlier",
                                   series: [.init(name: "test good", scores: good, color: "#1f77b4"),
                                            .init(name: "test anomalous", scores: anomalous, color: "#ff7f0e")],
                                   thresholds: thresholds.enumerated().map { Self.line("t\($0.offset)", $0.element, $0.offset) }, range: range)
        let counts = HistogramLayout(chart: chart, x0: range.lowerBound, x1: range.upperBound).counts()
        #expect(counts.map(\.above) == [0, beyond] && counts.map(\.below) == [0, 0])
        let doc = SVGInspection(svg: chart.svg())
        let overflow = try #require(doc.groups("role", "overflow").first)
        #expect(overflow.texts.contains("overflow"))
        #expect(overflow.data["range"] == "&gt; \(shortNumber(range.upperBound))")
        #expect(doc.groups("series", "test anomalous").map { $0.data["count"] } == ["\(beyond)"])
        #expect(doc.groups("series", "test good").isEmpty)
        #expect(doc.groups("role", "underflow").isEmpty)
        #expect(doc.groups("legend", "test anomalous").first?.texts == ["test anomalous (21, \(beyond) in the overflow column(s))"])
        // Every threshold is on the axis, none "(off axis)".
        #expect(!chart.svg().contains("off axis"))
    }

    /// Without an outlier the range still reaches past the largest threshold, so every line is drawn.
    @Test func focusRangeKeepsEveryThresholdOnTheAxis() throws {
        let range = try #require(HistogramChart.focusRange(good: [1, 2, 3], all: [1, 2, 3, 4, 5], thresholds: [40]))
        #expect(range.contains(40) && range.contains(1))
        #expect(HistogramChart.focusRange(good: [], all: [], thresholds: []) == nil)
    }

    /// Twelve thresholds within 1% of the axis: the labels are spread (in rows when needed) so no two overlap.
    @Test func crowdedThresholdLabelsDoNotOverlap() throws {
        let names = ["conformal", "conformal-conditional", "evt", "gaussian", "lognormal", "mad", "iqr", "percentile", "synthetic-ba",
                     "synthetic-f1", "oracle-best-f1", "oracle-best-balanced-accuracy"]
        let chart = HistogramChart(title: "crowd", series: [.init(name: "good", scores: (0..<100).map(Double.init), color: "#1f77b4")],
                                   thresholds: names.enumerated().map { Self.line($0.element, 50 + Double($0.offset) / 12, $0.offset) },
                                   range: 0...99)
        let labels = SVGInspection(svg: chart.svg()).groups("role", "threshold").map { g -> LabelLayout.Box in
            let text = g.texts[0]
            let x = Double(SVGInspection.attributes("x", in: g.body).last!)!, y = Double(SVGInspection.attributes("y", in: g.body).last!)!
            let w = LabelLayout.width(text, size: HistogramLayout.labelSize)
            return LabelLayout.Box(x: x - w / 2, y: y - HistogramLayout.labelSize, width: w, height: HistogramLayout.labelSize)
        }
        #expect(labels.count == 12)
        for i in labels.indices { for j in labels.indices where i < j { #expect(!labels[i].overlaps(labels[j]), "labels \(i) and \(j) overlap") } }
    }

    @Test func emptyChartStillRenders() {
        #expect(HistogramChart(title: "none", series: [], thresholds: []).svg().contains("no scores to draw"))
    }
}
