import Testing
@testable import Pipeline

@Suite struct ReportWriterChartsTests {
    /// Every threshold line of the report's histogram has its own colour (conformal and
    /// oracle-best-f1 once shared #d62728, evt and oracle-best-BA #2ca02c), none a score group's,
    /// and a legend entry naming it in that colour.
    @Test func histogramThresholdsHaveDistinctColoursAndLegendEntries() throws {
        let r = try ReportTestData.full()
        let doc = SVGInspection(svg: ReportWriter.histogram(r))
        let lines = doc.groups("role", "threshold")
        let fitted = r.comparison.entries.filter { $0.fitted != nil }.map(\.name)
        #expect(fitted.count >= 12)
        #expect(Set(lines.map { $0.data["strategy"]! }) == Set(fitted))
        let colours = lines.map { $0.first("stroke")! }
        #expect(Set(colours).count == lines.count, "\(colours)")
        #expect(Set(colours).isDisjoint(with: ChartPalette.seriesColors))
        for line in lines {
            let name = line.data["strategy"]!
            let legend = try #require(doc.groups("legend", name).first, "no legend entry for \(name)")
            #expect(legend.first("stroke") == line.first("stroke"))
            #expect(legend.texts.first?.contains(name) == true)
        }
        // And each score group: its own colour and a legend entry.
        let series = ["test good", "test anomalous", "calibration (held-out good)", "synthetic anomalies"]
        #expect(Set(series.compactMap { doc.groups("legend", $0).first?.first("fill") }).count == 4)
    }

    /// The ROC chart's points use the same colour and marker as the histogram line of the same strategy.
    @Test func rocPointsMatchTheHistogramStyles() throws {
        let r = try ReportTestData.full()
        let histogram = SVGInspection(svg: ReportWriter.histogram(r)), roc = SVGInspection(svg: ReportWriter.roc(r))
        let points = roc.groups("panel", "roc-zoom")
        #expect(points.count == r.comparison.entries.filter { $0.counts != nil }.count)
        #expect(Set(points.map { $0.first("fill")! }).count == points.count)
        for p in points {
            let name = p.data["strategy"]!
            #expect(histogram.groups("strategy", name).first?.first("stroke") == p.first("fill"), "\(name)")
            #expect(roc.groups("legend", name).count == 1)
        }
    }
}
