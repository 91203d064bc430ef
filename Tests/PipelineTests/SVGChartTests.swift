import Testing
@testable import Pipeline

@Suite struct SVGChartTests {
    @Test func histogramDrawsEveryGroupAndLabelledThreshold() {
        let chart = HistogramChart(
            title: "scores <test & calibration>",
            series: [.init(name: "test good", scores: [1, 2, 2, 3], color: "#1f77b4"),
                     .init(name: "test anomalous", scores: [5, 6], color: "#ff7f0e")],
            thresholds: [("conformal", 4), ("mad", 3.5)], bins: 10)
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("scores &lt;test &amp; calibration&gt;"))   // escaped
        #expect(svg.contains(">conformal</text>") && svg.contains(">mad</text>"))
        #expect(svg.contains("test good (4)") && svg.contains("test anomalous (2)"))
        #expect(svg.components(separatedBy: "stroke-dasharray").count - 1 == 2)
        // The tallest bar is the 2 of 4 good scores at 2 (density ½) or both anomalies' bins (½ each): full height 330.
        #expect(svg.contains("height=\"330.00\""))
    }

    @Test func emptyChartsStillRender() {
        #expect(HistogramChart(title: "none", series: [], thresholds: []).svg().contains("</svg>"))
        let roc = ROCChart(title: "ROC", falsePositiveRates: [0, 0.5, 1], truePositiveRates: [0, 1, 1], points: [("oracle", 0.5, 1)])
        let svg = roc.svg()
        #expect(svg.contains("<polyline points=\"60.00,360.00 220.00,40.00 380.00,40.00\""))
        #expect(svg.contains(">oracle</text>"))
    }
}
