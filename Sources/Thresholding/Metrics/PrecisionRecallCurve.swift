/// Precision and recall at every distinct score, thresholds ascending as in scikit-learn.
///
/// A score ≥ threshold is predicted anomalous. Each threshold is a score
/// present in the input, so something is always flagged and precision is
/// always defined. scikit-learn and torchmetrics append a final point
/// (recall 0, precision 1) that has no threshold; it is left out here, so the
/// three arrays have equal length. It adds nothing to average precision.
public struct PrecisionRecallCurve: Sendable, Hashable {
    /// TP / (TP + FP) at each threshold.
    public var precision: [Double]
    /// TP / P at each threshold, non-increasing from 1.
    public var recall: [Double]
    /// The distinct scores, ascending.
    public var thresholds: [Double]

    /// The precision-recall curve of `normal` against `anomalous` scores.
    ///
    /// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` (strategy
    ///   `"pr-curve"`) when a class is empty; ``ThresholdError/nonFiniteScore(set:index:value:)``.
    /// - Complexity: O(n + m).
    public init(normal: [Double], anomalous: [Double]) throws(ThresholdError) {
        try self.init(sweep: ScoreSweep(normal: normal, anomalous: anomalous))
    }

    /// The precision-recall curve of `scores`, where `labels[i]` is true for an anomaly.
    ///
    /// - Throws: as ``init(normal:anomalous:)``, and for mismatched counts.
    /// - Complexity: O(n).
    public init(scores: [Double], labels: [Bool]) throws(ThresholdError) {
        try self.init(sweep: ScoreSweep(scores: scores, labels: labels))
    }

    /// The precision-recall curve of an existing sweep.
    ///
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
