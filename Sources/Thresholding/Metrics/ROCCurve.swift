/// The receiver operating characteristic: false- and true-positive rates at every distinct score.
///
/// Points run from the strictest threshold to the loosest, as in scikit-learn:
/// the first point is (0, 0) at threshold +∞ (nothing flagged), then one point
/// per distinct score in descending order, ending at (1, 1) at the lowest score.
/// Unlike scikit-learn's default, collinear points are kept, so every distinct
/// score appears.
public struct ROCCurve: Sendable, Hashable {
    /// FP / N at each threshold, non-decreasing from 0 to 1.
    public var falsePositiveRates: [Double]
    /// TP / P at each threshold, non-decreasing from 0 to 1.
    public var truePositiveRates: [Double]
    /// +∞, then the distinct scores in descending order.
    public var thresholds: [Double]

    /// The ROC curve of `normal` against `anomalous` scores.
    ///
    /// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` (strategy
    ///   `"roc-curve"`) when a class is empty; ``ThresholdError/nonFiniteScore(set:index:value:)``.
    /// - Complexity: O(n + m).
    public init(normal: [Double], anomalous: [Double]) throws(ThresholdError) {
        try self.init(sweep: ScoreSweep(normal: normal, anomalous: anomalous))
    }

    /// The ROC curve of `scores`, where `labels[i]` is true for an anomaly.
    ///
    /// - Throws: as ``init(normal:anomalous:)``, and for mismatched counts.
    /// - Complexity: O(n).
    public init(scores: [Double], labels: [Bool]) throws(ThresholdError) {
        try self.init(sweep: ScoreSweep(scores: scores, labels: labels))
    }

    /// The ROC curve of an existing sweep.
    ///
    /// - Complexity: O(n + m).
    public init(sweep: ScoreSweep) throws(ThresholdError) {
        try sweep.requireBothClasses(metric: "roc-curve")
        let n = Double(sweep.normalCount)
        let p = Double(sweep.anomalousCount)
        var fpr: [Double] = [0]
        var tpr: [Double] = [0]
        var thresholds: [Double] = [.infinity]
        // The sweep ascends; collect the points in reverse, then flip them in one go.
        var ascending: [SweepPoint] = []
        sweep.forEachPoint { ascending.append($0) }
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
