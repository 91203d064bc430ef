/// What to expect from a fitted threshold on new data: its false-alarm rate with a 95%
/// interval, its detection rate on the anomalies it was shown, and what is promised.
///
/// Rates are measured on scores the threshold was not fitted on (see
/// ``ThresholdExpectation/crossFitted(_:normal:anomalous:folds:confidence:)``), so they
/// estimate how the rule behaves on new samples rather than how well it fits its own.
public struct ThresholdExpectation: Sendable, Hashable {
    /// How the rates were measured.
    public enum Method: Sendable, Hashable {
        /// K-fold: each fold is counted against a cut-off fitted without it.
        case crossFitted(folds: Int)
        /// Counted against the cut-off that was fitted on the same scores; optimistic for
        /// fitted rules. Used when the folds are too small for the strategy, or when nothing
        /// was fitted (manual), where it is unbiased.
        case inSample
    }

    /// False alarms among the good scores counted, with the Clopper–Pearson interval.
    public var falseAlarms: BinomialInterval
    /// Detections among the anomalous (usually synthetic) scores counted, or nil without any.
    public var detections: BinomialInterval?
    /// What the strategy promises.
    public var guarantee: ThresholdGuarantee
    /// How the rates were measured.
    public var method: Method
    /// What the anomalous scores were, for reports: "synthetic anomalies" or "labelled anomalies".
    public var anomalySource: String

    public init(falseAlarms: BinomialInterval, detections: BinomialInterval?, guarantee: ThresholdGuarantee,
                method: Method, anomalySource: String = "synthetic anomalies") {
        self.falseAlarms = falseAlarms
        self.detections = detections
        self.guarantee = guarantee
        self.method = method
        self.anomalySource = anomalySource
    }

    /// The expected false-alarm rate on new good samples: false alarms / good scores counted.
    public var expectedFPR: Double { falseAlarms.estimate }
    /// The 95% (by default) interval around ``expectedFPR``.
    public var expectedFPRInterval: (lower: Double, upper: Double) { (falseAlarms.lower, falseAlarms.upper) }
    /// The estimated detection rate, on synthetic (or labelled) anomalies, or nil without any.
    public var estimatedTPR: Double? { detections?.estimate }
    /// (1 − FPR + TPR) / 2 from the estimates, or nil without anomalous scores.
    public var estimatedBalancedAccuracy: Double? { estimatedTPR.map { (1 - expectedFPR + $0) / 2 } }

    /// "cross-fitted over 5 folds of 200 good scores", for reports.
    public var basis: String {
        let good = counted(falseAlarms.trials, "good score")
        switch method {
        case .crossFitted(let k): return "cross-fitted over \(k) folds of \(good)"
        case .inSample: return "counted on the \(good) it was fitted on"
        }
    }
}
