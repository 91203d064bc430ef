/// A threshold chosen from good scores and the scores of synthetic anomalies made from good images.
///
/// The synthetic scores stand in for the defects nobody has yet: they estimate
/// what anomalies do to the score, which the normal-score strategies never
/// look at. How well they stand in is reported beside the threshold: the
/// estimated TPR on synthetic anomalies and the AUROC of good against synthetic.
/// Making and scoring the synthetic images happens upstream (the pipeline), which
/// passes their scores as `anomalous`.
public struct SyntheticAnomalyThreshold: Threshold {
    public var reads: ThresholdInput { .syntheticAnomalies }
    /// How the cut-off is chosen between good and synthetic scores.
    public enum Rule: Sendable, Hashable {
        /// Best balanced accuracy (Youden's J). The default: it weighs both classes equally.
        case bestBalancedAccuracy
        /// Best F1 at a stated anomaly prior; anomalib's synthetic-validation rule when the prior is ½.
        case bestF1(prior: Double)
        /// Best balanced accuracy among thresholds with FPR ≤ α on the good scores.
        case bestBalancedAccuracyWithinFPR(Double)
    }

    public var rule: Rule
    public var name: String

    public var targetFPR: Double? {
        if case .bestBalancedAccuracyWithinFPR(let a) = rule { return a }
        return nil
    }

    /// The report keys: `synthetic-ba`, `synthetic-f1`, `synthetic-ba-fpr`.
    public static func defaultName(for rule: Rule) -> String {
        switch rule {
        case .bestBalancedAccuracy: return "synthetic-ba"
        case .bestF1: return "synthetic-f1"
        case .bestBalancedAccuracyWithinFPR: return "synthetic-ba-fpr"
        }
    }

    public init(rule: Rule = .bestBalancedAccuracy, name: String? = nil) {
        self.rule = rule
        self.name = name ?? Self.defaultName(for: rule)
    }

    /// Fits on `normal` (held-out good scores) against `anomalous` (the synthetic anomalies' scores).
    ///
    /// Details: `n_normal`, `n_synthetic`, `in_sample_tpr` (on the synthetic anomalies it was fitted on),
    /// `in_sample_fpr` (on the good scores it was fitted on; the cross-fitted estimates are in the expectation) and `synthetic_auroc`.
    /// - Throws: when either set is empty or holds NaN or ±inf.
    /// - Complexity: O((n + m) log(n + m)).
    public func fit(normal: [Double], anomalous synthetic: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireFinite(synthetic, set: "synthetic")
        guard !normal.isEmpty, !synthetic.isEmpty else {
            throw .tooFewScores(strategy: name, needed: 1, got: min(normal.count, synthetic.count),
                                reason: "it needs good scores and synthetic-anomaly scores (got \(normal.count) and \(synthetic.count))")
        }
        let base: any Threshold
        switch rule {
        case .bestBalancedAccuracy: base = BestBalancedAccuracyThreshold(name: name)
        case .bestF1(let prior): base = PriorWeightedF1Threshold(prior: prior, name: name)
        case .bestBalancedAccuracyWithinFPR(let a): base = ConstrainedBalancedAccuracyThreshold(maxFPR: a, name: name)
        }
        let fitted = try base.fit(normal: normal, anomalous: synthetic)
        // Every threshold in (highest fitting score below t, t] labels the fitting scores alike.
        // Real defects are usually subtler than synthetic ones, so take the lowest: just above
        // that score. With a wide gap (synthetic AUROC 1) this matters most.
        let below = (normal + synthetic).filter { $0 < fitted.value }.max()
        let value = below.map(\.nextUp) ?? fitted.value
        let counts = try ConfusionCounts(threshold: value, normal: normal, anomalous: synthetic)
        return FittedThreshold(
            strategy: name, value: value, targetFPR: targetFPR,
            details: [Detail("n_normal", normal.count), Detail("n_synthetic", synthetic.count),
                      Detail("in_sample_tpr", counts.truePositiveRate), Detail("in_sample_fpr", counts.falsePositiveRate),
                      Detail("synthetic_auroc", try auroc(normal: normal, anomalous: synthetic))],
            warnings: fitted.warnings)
    }
}

extension SyntheticAnomalyThreshold {
    public static let balancedAccuracyDescriptor = StrategyDescriptor(
        key: "synthetic-ba", family: .synthetic,
        summary: "best balanced accuracy between held-out good scores and synthetic Perlin anomalies made from them",
        parameters: [], reads: .syntheticAnomalies,
        make: { _ in SyntheticAnomalyThreshold(rule: .bestBalancedAccuracy) })

    public static let f1Descriptor = StrategyDescriptor(
        key: "synthetic-f1", family: .synthetic,
        summary: "best F1 at an anomaly prior between held-out good and synthetic scores (anomalib's rule at prior 0.5)",
        parameters: [.number("prior", "P", default: 0.5, in: .open(0, 1),
                             help: "synthetic-f1: the anomaly prior of the F1 (anomalib's rule at 0.5).")],
        reads: .syntheticAnomalies,
        make: { v in SyntheticAnomalyThreshold(rule: .bestF1(prior: v.number("prior") ?? 0.5)) })

    public static let balancedAccuracyWithinFPRDescriptor = StrategyDescriptor(
        key: "synthetic-ba-fpr", family: .synthetic,
        summary: "best balanced accuracy against synthetic anomalies among cut-offs with held-out FPR ≤ α",
        parameters: [.alpha], reads: .syntheticAnomalies,
        make: { v in SyntheticAnomalyThreshold(rule: .bestBalancedAccuracyWithinFPR(v.number("alpha") ?? 0.05)) })
}
