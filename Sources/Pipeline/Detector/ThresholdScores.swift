import Thresholding

/// Every score a threshold strategy may read, kept with the detector so its threshold can be
/// refitted, or another strategy chosen, without refitting the scorer.
public struct ThresholdScores: Sendable, Hashable {
    /// How the good scores were obtained.
    public var mode: CalibrationMode
    /// Held-out good scores (out-of-fold under crossfit); empty under none.
    public var calibration: [Double]
    /// Under none only: the scorer's scores of its own training samples (optimistically low).
    public var training: [Double]
    /// Scores of labelled anomalous samples, if any were given.
    public var anomalous: [Double]
    /// Scores of synthetic anomalies made from the calibration images, if any were made.
    public var synthetic: [Double]

    public init(mode: CalibrationMode, calibration: [Double], training: [Double] = [], anomalous: [Double] = [],
                synthetic: [Double] = []) {
        self.mode = mode
        self.calibration = calibration
        self.training = training
        self.anomalous = anomalous
        self.synthetic = synthetic
    }

    /// The good scores a strategy is fitted on: the calibration scores, or under `.none` the
    /// training samples' own scores.
    public var normal: [Double] { mode == .none ? training : calibration }

    /// Every score a strategy could see, the range anomalib's normalisation spans.
    public var normalizationRange: [Double] { normal + anomalous + synthetic }

    /// A fitted threshold and the caveats of fitting it.
    public struct Fitted: Sendable {
        public var threshold: FittedThreshold
        public var warnings: [String]
    }

    /// Refuses a transductive strategy (`batch-*`): it is fitted on the unlabelled batch being
    /// labelled, and a detector's threshold is fitted before that batch exists. Without this, the
    /// stored synthetic scores would stand in for the batch.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` naming the strategy.
    public static func requireStorable(_ strategy: any Threshold) throws(PipelineError) {
        guard strategy.reads == .unlabelledBatch else { return }
        throw .invalidSetting(name: "threshold", value: strategy.name,
                              expected: "a strategy a detector can keep; \(strategy.name) is transductive, fitted on the unlabelled scores being labelled, "
                                  + "which a detector does not have (label a batch with `thresholdkit label --strategy \(strategy.name)`, or compare)")
    }

    /// Fits `strategy` on the scores it reads: good scores, plus labelled anomalous or synthetic ones.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` for a transductive strategy,
    ///   a good-score strategy without calibration scores, or a synthetic one without synthetic scores;
    ///   ``PipelineError/threshold(_:strategy:)`` for the strategy's own error.
    public func fit(_ strategy: any Threshold) throws(PipelineError) -> Fitted {
        try Self.requireStorable(strategy)
        var warnings: [String] = []
        if strategy.reads == .normalScores && mode == .none {
            throw .invalidSetting(name: "threshold", value: strategy.name,
                                  expected: "calibration scores: use --calibration split or crossfit, or a manual or adaptive-f1 threshold with --calibration none")
        }
        if strategy.reads == .syntheticAnomalies && synthetic.isEmpty {
            throw .invalidSetting(name: "threshold", value: strategy.name,
                                  expected: "scores of synthetic anomalies, which are made from image inputs; this detector has none")
        }
        // The anomalies a rule is fitted on, or, for a good-score rule, those its detection
        // rate is estimated on (fitWithExpectation hands them only to rules that read them).
        let anomalousScores = strategy.reads == .normalAndAnomalousScores ? anomalous : synthetic
        if mode == .none && (strategy.reads == .normalAndAnomalousScores || strategy.reads == .syntheticAnomalies) {
            warnings.append("no calibration scores (--calibration none): \(strategy.name) used the training samples' own scores, which are optimistically low")
        }
        do throws(ThresholdError) {
            let fitted = mode.adjusting(try strategy.fitWithExpectation(normal: normal, anomalous: anomalousScores))
            return Fitted(threshold: fitted, warnings: warnings + fitted.warnings)
        } catch { throw .threshold(error, strategy: strategy.name) }
    }
}
