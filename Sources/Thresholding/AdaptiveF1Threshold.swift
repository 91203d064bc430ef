/// anomalib's adaptive threshold: the score that maximises F1 on labelled scores.
///
/// It follows anomalib 2.7 exactly (REFERENCE.md §4): every distinct score is a
/// candidate, a score ≥ t is predicted anomalous, F1 = 2PR/(P+R) with 0 where
/// undefined, and the first maximum over ascending thresholds wins, so ties go
/// to the lowest threshold. F1 values are compared as exact fractions
/// 2TP/(2TP+FP+FN), never in floating point.
///
/// With no anomalous scores it returns the highest score; with no normal
/// scores, the lowest. It needs labels, so on test data it is an oracle, and it
/// optimises F1, which on defect-heavy sets tends to flag most images.
public struct AdaptiveF1Threshold: Threshold {
    public var reads: ThresholdInput { .normalAndAnomalousScores }
    /// The key in reports, `"adaptive-f1"` unless the caller renames it (e.g. `"oracle-best-f1"`).
    public var name: String
    /// nil: the F1 optimum states no false-alarm rate.
    public var targetFPR: Double? { nil }

    public init(name: String = "adaptive-f1") {
        self.name = name
    }

    /// Fits the F1-optimal threshold.
    ///
    /// Details: `n_normal`, `n_anomalous`, and `f1` on the fitted scores.
    ///
    /// - Throws: ``ThresholdError/nonFiniteScore(set:index:value:)``;
    ///   ``ThresholdError/tooFewScores(strategy:needed:got:reason:)`` when both sets are empty.
    /// - Complexity: O(n + m) time (radix sort plus one sweep), O(n + m) memory.
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        let sweep = try ScoreSweep(normal: normal, anomalous: anomalous)
        let search = try SupervisedSearch(sweep: sweep, strategy: name) { $0.f1Ratio }
        return search.fitted(strategy: name, sweep: sweep, extra: [Detail("f1", search.point.counts.f1)])
    }
}

extension AdaptiveF1Threshold {
    public static let descriptor = StrategyDescriptor(
        key: "adaptive-f1", family: .supervised,
        summary: "anomalib's best F1 over distinct scores; needs labelled anomalous scores",
        parameters: [], reads: .normalAndAnomalousScores, make: { _ in AdaptiveF1Threshold() })
}
