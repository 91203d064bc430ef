/// A rule that turns scores into a cut-off: the one protocol every strategy conforms to.
///
/// A strategy is a small configuration value (α, k, level, …). `fit` looks at
/// scores and returns a ``FittedThreshold``, which labels with the one rule used
/// everywhere in ThresholdKit: **score ≥ threshold is anomalous**.
///
/// Normal-score strategies (conformal, EVT, parametric) read only `normal`;
/// supervised ones (adaptive F1) also read `anomalous`, which may hold real or
/// synthetic anomaly scores. A detector is then any scorer plus a fitted threshold.
public protocol Threshold: Sendable {
    /// The stable key used in reports and on the command line, e.g. `"conformal"`.
    var name: String { get }

    /// The false-alarm rate this strategy aims for on new normal scores, if it states one.
    var targetFPR: Double? { get }

    /// Which scores `fit` looks at; normal scores only unless a strategy says otherwise.
    var reads: ThresholdInput { get }

    /// The fewest normal scores `fit` can work with (conformal at α needs ⌈1/α − 1⌉), so a
    /// pipeline can check sizes before expensive work; 1 unless a strategy says otherwise.
    var minimumNormalCount: Int { get }

    /// What the fitted cut-off promises about false alarms; an estimate unless a strategy proves a bound.
    var guarantee: ThresholdGuarantee { get }

    /// Fits the cut-off.
    ///
    /// - Parameters:
    ///   - normal: scores of normal (good) samples the scorer did not train on.
    ///   - anomalous: scores of anomalous samples, real or synthetic; may be empty.
    /// - Throws: ``ThresholdError`` for non-finite scores, too few scores,
    ///   parameters out of range, or scores with no spread where one is needed.
    func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold
}

/// The scores a strategy's `fit` looks at, so a pipeline can tell which strategies its data allows.
public enum ThresholdInput: String, Sendable, Hashable, CaseIterable {
    /// None: the cut-off is given (manual).
    case nothing
    /// Normal scores only (conformal, EVT, the parametric rules).
    case normalScores = "normal scores"
    /// Normal against labelled anomalous scores, real or synthetic (adaptive F1, best balanced accuracy, …).
    case normalAndAnomalousScores = "normal and anomalous scores"
    /// Normal against the scores of synthetic anomalies the pipeline makes from good images,
    /// passed as `anomalous`: it needs image inputs.
    case syntheticAnomalies = "images (for synthetic anomalies)"
    /// Normal scores and an unlabelled batch of the scores about to be labelled (production
    /// images, or a test set without its labels), passed as `anomalous`: transductive rules.
    case unlabelledBatch = "an unlabelled batch of the scores to label"
}

extension Threshold {
    public var reads: ThresholdInput { .normalScores }
    public var minimumNormalCount: Int { 1 }
    public var guarantee: ThresholdGuarantee {
        switch reads {
        case .nothing: return .given
        case .normalScores: return .estimate(basis: "a model of the good scores")
        case .normalAndAnomalousScores: return .estimate(basis: "fitted on labelled anomalies")
        case .syntheticAnomalies: return .estimate(basis: "fitted on synthetic anomalies")
        case .unlabelledBatch: return .estimate(basis: "transductive: a mixture model of the unlabelled batch")
        }
    }

    /// Fits the cut-off from normal scores alone.
    public func fit(normal: [Double]) throws(ThresholdError) -> FittedThreshold {
        try fit(normal: normal, anomalous: [])
    }
}
