/// Overlaid score histograms with each threshold drawn as a vertical line, labelled where it sits.
///
/// The x-axis can be clipped to a range (see ``focusRange(good:all:thresholds:quantile:)``):
/// scores beyond it are not dropped but counted in a column at that edge, so a long tail of
/// obvious anomalies no longer squeezes the good scores and the thresholds into a sliver.
public struct HistogramChart: Sendable {
    /// One group of scores drawn as translucent bars.
    public struct Series: Sendable {
        public var name: String
        public var scores: [Double]
        public var color: String
        public init(name: String, scores: [Double], color: String) { (self.name, self.scores, self.color) = (name, scores, color) }
    }

    /// One threshold: a vertical line with its short label above the plot.
    public struct Line: Sendable {
        public var name: String
        public var value: Double
        public var style: ChartStyle
        /// Drawn thicker and in bold: the recommended threshold.
        public var isEmphasised: Bool
        public init(name: String, value: Double, style: ChartStyle, isEmphasised: Bool = false) {
            (self.name, self.value, self.style, self.isEmphasised) = (name, value, style, isEmphasised)
        }
    }

    public var title: String
    public var series: [Series]
    public var thresholds: [Line]
    public var bins: Int
    /// The scores drawn along the x-axis; nil spans every score and threshold.
    public var range: ClosedRange<Double>?

    public init(title: String, series: [Series], thresholds: [Line], bins: Int = 40, range: ClosedRange<Double>? = nil) {
        self.title = title
        self.series = series
        self.thresholds = thresholds
        self.bins = max(1, bins)
        self.range = range
    }

    /// An x range that shows the good scores, every threshold and the start of the anomalous tail.
    ///
    /// It spans the good scores up to their `quantile` and every finite threshold, then extends to
    /// the right by half that span, but no further than the `quantile` of all scores (and never
    /// short of the largest threshold), with 2% padding on each side. Scores outside fall into the
    /// chart's underflow and overflow columns, so one huge score cannot squeeze the rest.
    /// - Parameters:
    ///   - good: the good scores (test good and calibration).
    ///   - all: every score drawn.
    ///   - thresholds: the threshold values; each stays on the axis.
    ///   - quantile: the share of scores the range must hold, in (0, 1].
    /// - Returns: nil when there is no finite good score or threshold.
    /// - Complexity: O(n log n) for the quantiles.
    public static func focusRange(good: [Double], all: [Double], thresholds: [Double], quantile: Double = 0.99) -> ClosedRange<Double>? {
        let goodSorted = good.filter(\.isFinite).sorted(), lines = thresholds.filter(\.isFinite)
        guard !goodSorted.isEmpty || !lines.isEmpty else { return nil }
        let goodHigh = goodSorted.isEmpty ? nil : upperQuantile(goodSorted, quantile)
        let lo = (goodSorted.first.map { [$0] } ?? []) + lines
        let core = (goodHigh.map { [$0] } ?? []) + lines
        let coreLo = lo.min()!, coreHi = core.max()!
        let span = coreHi > coreLo ? coreHi - coreLo : max(1, abs(coreLo))
        var hi = coreHi + span / 2
        let sorted = all.filter(\.isFinite).sorted()
        if !sorted.isEmpty { hi = max(coreHi, min(hi, upperQuantile(sorted, quantile))) }
        let pad = hi > coreLo ? 0.02 * (hi - coreLo) : 1
        return (coreLo - pad)...(hi + pad)
    }

    /// The smallest sorted value with at least a `q` share of the values at or below it.
    static func upperQuantile(_ sorted: [Double], _ q: Double) -> Double {
        sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
    }

    /// The chart as an SVG document. Bars are densities, so groups of different sizes compare.
    /// - Complexity: O(total scores + thresholds²) (the label layout).
    public func svg() -> String {
        let values = series.flatMap(\.scores).filter(\.isFinite) + thresholds.map(\.value).filter(\.isFinite)
        guard let x0 = range?.lowerBound ?? values.min().map({ $0 - 0.02 * Self.span(values) }),
              let x1 = range?.upperBound ?? values.max().map({ $0 + 0.02 * Self.span(values) }), x1 >= x0 else {
            var doc = SVGDocument(width: 400, height: 60)
            doc.text(title, x: 20, y: 24, size: 16)
            doc.text("no scores to draw", x: 20, y: 46, size: 12, fill: "#666")
            return doc.rendered()
        }
        return HistogramLayout(chart: self, x0: x0, x1: x1 > x0 ? x1 : x0 + 1).draw()
    }

    static func span(_ v: [Double]) -> Double {
        guard let lo = v.min(), let hi = v.max(), hi > lo else { return 1 }
        return hi - lo
    }
}
