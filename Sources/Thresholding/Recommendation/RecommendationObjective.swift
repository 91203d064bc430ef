/// What the recommended threshold optimises, from estimates on good images and synthetic anomalies.
public enum RecommendationObjective: Sendable, Hashable {
    /// The default: the highest estimated balanced accuracy, (1 − FPR + TPR) / 2.
    case balancedAccuracy
    /// An inspection line's question: the highest estimated TPR among thresholds whose
    /// false-alarm interval lies at or below this rate (`--max-fpr F`).
    case maximumFPR(Double)
}
