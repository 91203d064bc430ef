/// Precision and recall at every distinct score, thresholds ascending as in scikit-learn.
///
/// A score ≥ threshold is predicted anomalous. Each threshold is a score
/// present in the input, so something is always flagged and precision is
/// always defined. scikit-learn and torchmetrics append a final point
/// (recall 0, precision 1) that has no threshold; it is left out here, so the
/// three arrays have equal length. It adds nothing to average precision.
public struct PrecisionRecallCurve: SweepCurve, Sendable, Hashable {
    /// TP / (TP + FP) at each threshold.
    public var precision: [Double]
    /// TP / P at each threshold, non-increasing from 1.
    public var recall: [Double]
    /// The distinct scores, ascending.
    public var thresholds: [Double]

    /// The precision-recall curve of an existing sweep; ``init(normal:anomalous:)`` and
    /// ``init(scores:labels:)`` (from ``SweepCurve``) sweep raw scores first.
    ///
    /// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` (strategy `"pr-curve"`) when a class is empty.
    /// - Complexity: O(n + m).
    public init(sweep: ScoreSweep) throws(ThresholdError) {
        try sweep.requireBothClasses(metric: "pr-curve")
        var precision: [Double] = []
        var recall: [Double] = []
        var thresholds: [Double] = []
        sweep.forEachPoint { point in
            precision.append(point.counts.precision)
            recall.append(point.counts.recall)
            thresholds.append(point.threshold)
        }
        self.precision = precision
        self.recall = recall
        self.thresholds = thresholds
    }
}
