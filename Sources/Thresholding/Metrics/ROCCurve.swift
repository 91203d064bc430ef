/// The receiver operating characteristic: false- and true-positive rates at every distinct score.
///
/// Points run from the strictest threshold to the loosest, as in scikit-learn:
/// the first point is (0, 0) at threshold +∞ (nothing flagged), then one point
/// per distinct score in descending order, ending at (1, 1) at the lowest score.
/// Unlike scikit-learn's default, collinear points are kept, so every distinct
/// score appears.
public struct ROCCurve: SweepCurve, Sendable, Hashable {
    /// FP / N at each threshold, non-decreasing from 0 to 1.
    public var falsePositiveRates: [Double]
    /// TP / P at each threshold, non-decreasing from 0 to 1.
    public var truePositiveRates: [Double]
    /// +∞, then the distinct scores in descending order.
    public var thresholds: [Double]

    /// The ROC curve of an existing sweep; ``init(normal:anomalous:)`` and
    /// ``init(scores:labels:)`` (from ``SweepCurve``) sweep raw scores first.
    ///
    /// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` (strategy `"roc-curve"`) when a class is empty.
    /// - Complexity: O(n + m).
    public init(sweep: ScoreSweep) throws(ThresholdError) {
        try sweep.requireBothClasses(metric: "roc-curve")
        let n = Double(sweep.normalCount)
        let p = Double(sweep.anomalousCount)
        var fpr: [Double] = [0]
        var tpr: [Double] = [0]
        var thresholds: [Double] = [.infinity]
        // The sweep ascends; the curve runs from the strictest point down.
        let ascending = sweep.points
        fpr.reserveCapacity(ascending.count + 1)
        tpr.reserveCapacity(ascending.count + 1)
        thresholds.reserveCapacity(ascending.count + 1)
        for point in ascending.reversed() {
            fpr.append(Double(point.counts.falsePositives) / n)
            tpr.append(Double(point.counts.truePositives) / p)
            thresholds.append(point.threshold)
        }
        self.falsePositiveRates = fpr
        self.truePositiveRates = tpr
        self.thresholds = thresholds
    }
}
