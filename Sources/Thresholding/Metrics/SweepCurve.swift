/// A curve read off a ``ScoreSweep``: ``ROCCurve`` and ``PrecisionRecallCurve``.
///
/// A conforming type computes itself from a sweep; the initialisers from raw
/// scores, which validate and sort them into a sweep first, come with it.
public protocol SweepCurve {
    /// The curve of an existing sweep.
    ///
    /// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` when a class is empty.
    /// - Complexity: O(n + m).
    init(sweep: ScoreSweep) throws(ThresholdError)
}

extension SweepCurve {
    /// The curve of `normal` against `anomalous` scores.
    ///
    /// - Throws: ``ThresholdError/nonFiniteScore(set:index:value:)``, and as ``init(sweep:)``.
    /// - Complexity: O(n + m).
    public init(normal: [Double], anomalous: [Double]) throws(ThresholdError) {
        try self.init(sweep: ScoreSweep(normal: normal, anomalous: anomalous))
    }

    /// The curve of `scores`, where `labels[i]` is true for an anomaly.
    ///
    /// - Throws: as ``init(normal:anomalous:)``, and for mismatched counts.
    /// - Complexity: O(n).
    public init(scores: [Double], labels: [Bool]) throws(ThresholdError) {
        try self.init(sweep: ScoreSweep(scores: scores, labels: labels))
    }
}
