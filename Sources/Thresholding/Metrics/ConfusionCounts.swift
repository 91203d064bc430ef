/// The four counts of a labelling at one threshold, and the rates derived from them.
///
/// Anomalous is the positive class, and a score ≥ threshold is predicted anomalous.
///
/// **Undefined rates.** A rate whose denominator is zero does not exist for
/// these counts, and is `NaN` rather than a made-up 0 or 1:
/// - ``precision`` when nothing is flagged;
/// - ``recall`` (TPR) and ``falseNegativeRate`` when there are no anomalous scores;
/// - ``falsePositiveRate`` and ``trueNegativeRate`` when there are no normal scores;
/// - ``balancedAccuracy`` when either class is empty.
///
/// The one exception is ``f1``, which is 0 where undefined (no anomalous scores
/// and nothing flagged), the convention of anomalib and scikit-learn that the
/// F1 search relies on to order every threshold.
public struct ConfusionCounts: Sendable, Hashable, Codable {
    /// Anomalous scores at or above the threshold.
    public var truePositives: Int
    /// Normal scores at or above the threshold (false alarms).
    public var falsePositives: Int
    /// Normal scores below the threshold.
    public var trueNegatives: Int
    /// Anomalous scores below the threshold (misses).
    public var falseNegatives: Int

    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Counts the labelling of `normal` and `anomalous` by `score >= threshold`.
    ///
    /// - Throws: ``ThresholdError/nonFiniteScore(set:index:value:)`` for a NaN or
    ///   infinite score; ``ThresholdError/invalidParameter(name:value:expected:)``
    ///   for a NaN threshold (±infinity is allowed: it flags everything or nothing).
    /// - Complexity: O(n + m).
    public init(threshold: Double, normal: [Double], anomalous: [Double]) throws(ThresholdError) {
        try requireFinite(normal, set: "normal")
        try requireFinite(anomalous, set: "anomalous")
        try Self.requireComparable(threshold)
        let flaggedNormal = Self.countAtOrAbove(threshold, in: normal)
        let flaggedAnomalous = Self.countAtOrAbove(threshold, in: anomalous)
        self.init(
            truePositives: flaggedAnomalous, falsePositives: flaggedNormal,
            trueNegatives: normal.count - flaggedNormal, falseNegatives: anomalous.count - flaggedAnomalous)
    }

    /// Counts the labelling of `scores` by `score >= threshold`, where `labels[i]` is true for an anomaly.
    ///
    /// - Throws: as ``init(threshold:normal:anomalous:)``, and
    ///   ``ThresholdError/invalidParameter(name:value:expected:)`` when the counts differ.
    /// - Complexity: O(n).
    public init(threshold: Double, scores: [Double], labels: [Bool]) throws(ThresholdError) {
        let split = try LabeledScores(scores: scores, labels: labels)
        try self.init(threshold: threshold, normal: split.normal, anomalous: split.anomalous)
    }

    /// The number of anomalous scores, P = TP + FN.
    public var anomalousCount: Int { truePositives + falseNegatives }
    /// The number of normal scores, N = FP + TN.
    public var normalCount: Int { falsePositives + trueNegatives }
    /// The number of scores flagged as anomalous, TP + FP.
    public var flaggedCount: Int { truePositives + falsePositives }

    /// TP / (TP + FP); NaN when nothing is flagged.
    public var precision: Double { Self.rate(truePositives, flaggedCount) }
    /// TP / P, the true-positive rate; NaN with no anomalous scores.
    public var recall: Double { Self.rate(truePositives, anomalousCount) }
    /// TP / P, the same as ``recall``.
    public var truePositiveRate: Double { recall }
    /// FN / P; NaN with no anomalous scores.
    public var falseNegativeRate: Double { Self.rate(falseNegatives, anomalousCount) }
    /// FP / N, the false-alarm rate; NaN with no normal scores.
    public var falsePositiveRate: Double { Self.rate(falsePositives, normalCount) }
    /// TN / N, the specificity; NaN with no normal scores.
    public var trueNegativeRate: Double { Self.rate(trueNegatives, normalCount) }

    /// 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; 0 where undefined.
    public var f1: Double { f1Ratio.value }

    /// (TPR + TNR) / 2; NaN when either class is empty.
    public var balancedAccuracy: Double {
        guard anomalousCount > 0, normalCount > 0 else { return .nan }
        return balancedAccuracyRatio.value
    }

    /// F1 as an exact fraction, for searches that must break ties exactly.
    var f1Ratio: ExactRatio {
        ExactRatio(numerator: 2 * truePositives, denominator: 2 * truePositives + falsePositives + falseNegatives)
    }

    /// Balanced accuracy as the exact fraction (TP·N + TN·P) / (2·N·P); 0/0 when a class is empty.
    ///
    /// Counts up to 2³¹ per class keep every product inside 64 bits.
    var balancedAccuracyRatio: ExactRatio {
        let p = anomalousCount
        let n = normalCount
        return ExactRatio(numerator: truePositives * n + trueNegatives * p, denominator: 2 * n * p)
    }

    @inline(__always)
    private static func rate(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? .nan : Double(part) / Double(whole)
    }

    private static func countAtOrAbove(_ threshold: Double, in scores: [Double]) -> Int {
        scores.withUnsafeBufferPointer { buffer in
            var count = 0
            for s in buffer where s >= threshold { count += 1 }
            return count
        }
    }

    private static func requireComparable(_ threshold: Double) throws(ThresholdError) {
        if threshold.isNaN {
            throw .invalidParameter(name: "threshold", value: threshold, expected: "a number that is not NaN")
        }
    }
}
