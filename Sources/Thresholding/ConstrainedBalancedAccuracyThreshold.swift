/// The best balanced accuracy among thresholds whose false-alarm rate on the normal scores is at most `maxFPR`.
///
/// With real or synthetic anomalies it trades recall for balanced accuracy
/// inside a false-alarm budget. A threshold just above the highest normal
/// score always qualifies (no false alarms), so it never fails for lack of a
/// feasible point. Note that "most recall subject to FPR ≤ α" would simply be
/// the empirical (1 − α) quantile of the normal scores, the conformal rule.
public struct ConstrainedBalancedAccuracyThreshold: Threshold {
    public var reads: ThresholdInput { .normalAndAnomalousScores }
    /// The largest allowed false-alarm rate on the normal scores, in (0, 1).
    public var maxFPR: Double
    public var name: String
    public var targetFPR: Double? { maxFPR }

    public init(maxFPR: Double = 0.05, name: String = "constrained-balanced-accuracy") {
        self.maxFPR = maxFPR
        self.name = name
    }

    /// - Complexity: O(n + m) after the radix sort.
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireProbability(maxFPR, name: "alpha")
        let sweep = try ScoreSweep(normal: normal, anomalous: anomalous)
        guard sweep.normalCount > 0, sweep.anomalousCount > 0 else {
            throw .tooFewScores(strategy: name, needed: 1, got: 0,
                                reason: "it needs both normal and anomalous scores (got \(sweep.normalCount) and \(sweep.anomalousCount))")
        }
        let n = sweep.normalCount, p = sweep.anomalousCount
        // Fallback: just above every normal score, so no false alarms at all; it does not
        // exist when the highest normal score is the largest Double.
        let top = sweep.sortedNormal[n - 1].nextUp
        var best: (value: Double, counts: ConfusionCounts)?
        if top.isFinite {
            best = (top, try ConfusionCounts(threshold: top, normal: sweep.sortedNormal, anomalous: sweep.sortedAnomalous))
        }
        // Balanced accuracy compared exactly as TP·N + TN·P; the constraint as FP ≤ ⌊α·N⌋.
        func score(_ c: ConfusionCounts) -> Int { c.truePositives * n + c.trueNegatives * p }
        let allowed = Int((maxFPR * Double(n)).rounded(.down))
        sweep.forEachPoint { point in
            let c = point.counts
            guard c.falsePositives <= allowed else { return }
            if let b = best, score(c) < score(b.counts) || (score(c) == score(b.counts) && point.threshold >= b.value) { return }
            best = (point.threshold, c)
        }
        guard let best else { throw justAboveTheLargestDouble(strategy: name) }
        return FittedThreshold(
            strategy: name, value: best.value, targetFPR: maxFPR,
            details: [Detail("n_normal", n), Detail("n_anomalous", p), Detail("balanced_accuracy", best.counts.balancedAccuracy),
                      Detail("fpr", best.counts.falsePositiveRate)])
    }
}
