/// A transductive cut-off for a batch of unlabelled scores: the best balanced accuracy that a
/// mixture model of the batch predicts (`batch-ba`).
///
/// Good-only rules never see an anomaly. A user who is about to label a batch of production
/// images does see some, unlabelled. Against the good calibration scores, the batch is a mixture:
/// a share π₀ of good images, which score like the calibration set, and 1 − π₀ anomalies.
/// 1. π₀ is estimated by Storey's rule from the batch's conformal p-values (``StoreyNullProportion``).
/// 2. At a cut-off t, a share R(t) of the batch is flagged and a share F(t) of the calibration
///    scores. The mixture gives R = π₀ F + (1 − π₀) TPR, so TPR(t) ≈ (R(t) − π₀ F(t)) / (1 − π₀),
///    clipped to [0, 1].
/// 3. The cut-off maximises the estimated balanced accuracy (TPR(t) + 1 − F(t)) / 2 over the batch
///    scores; ties go to the lowest.
///
/// ```swift
/// let t = try BatchMixtureThreshold().fit(normal: calibration, anomalous: batch)
/// t.detail("pi0")           // the estimated share of good images in the batch
/// t.labels(for: batch)
/// ```
///
/// It is an estimate, never a guarantee, and it rests on one premise the good-only rules do
/// not need: the batch's good images score like the calibration images. When they score
/// higher (a shifted line, a different lighting), π₀ is underestimated and the cut-off drops.
/// On bottle, whose test-good images do score higher, it ties conformal or loses up to 0.13
/// balanced accuracy to it; on magnetic tile, where defects are subtle, it gains 0.07–0.10 (README, *Results*). So `recommended` never
/// chooses it, and reports mark it as transductive.
///
/// - Complexity: O((n + m) log(n + m)) for n calibration and m batch scores.
///
/// Edge cases: a batch that looks all good (fewer than one anomaly estimated, m (1 − π̂₀) < 1)
/// has no detection rate to estimate; the cut-off is then conformal's at α, with a warning.
public struct BatchMixtureThreshold: Threshold {
    /// Storey's λ: p-values above it count as good.
    public var lambda: Double
    /// The false-alarm rate of the conformal fallback for a batch that looks all good.
    public var alpha: Double

    public var name: String { "batch-ba" }
    public var targetFPR: Double? { nil }
    public var reads: ThresholdInput { .unlabelledBatch }
    public var guarantee: ThresholdGuarantee {
        .estimate(basis: "transductive: Storey's mixture model of the unlabelled batch, which assumes its good images score like the calibration ones")
    }

    public init(lambda: Double = StoreyNullProportion.defaultLambda, alpha: Double = 0.05) {
        (self.lambda, self.alpha) = (lambda, alpha)
    }

    /// Fits on `normal` (held-out good scores) and `batch` (the unlabelled scores to label).
    ///
    /// Details: `n_normal`, `n_batch`, `lambda`, `pi0`, `estimated_anomalies` (m (1 − π̂₀)),
    /// `mixture_tpr` and `mixture_fpr` (the estimates at the cut-off), `batch_flagged`.
    /// - Throws: when either set is empty or holds NaN or ±inf, or λ or α is outside (0, 1).
    public func fit(normal: [Double], anomalous batch: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireProbability(alpha, name: "alpha")
        try requireFinite(batch, set: "batch")
        guard !normal.isEmpty, !batch.isEmpty else {
            throw .tooFewScores(strategy: name, needed: 1, got: min(normal.count, batch.count),
                                reason: normal.isEmpty ? "there are no good scores to compare the batch with" : "the unlabelled batch is empty")
        }
        let pValues = try ConformalPValues(calibration: normal)
        let pi0 = try StoreyNullProportion.estimate(pValues: pValues.pValues(batch), lambda: lambda)
        let m = Double(batch.count), n = Double(normal.count)
        var details = [Detail("n_normal", normal.count), Detail("n_batch", batch.count), Detail("lambda", lambda),
                       Detail("pi0", pi0), Detail("estimated_anomalies", m * (1 - pi0))]
        guard m * (1 - pi0) >= 1 else {
            var fallback = try ConformalThreshold(alpha: alpha).fit(normal: normal)
            fallback.strategy = name
            fallback.details = details + [Detail("alpha", alpha), Detail("batch_flagged", batch.count { $0 >= fallback.value })]
            fallback.warnings.append("the batch looks like good images alone (π₀ ≈ \(messageNumber(pi0))), so there is no detection rate to estimate; the cut-off is conformal's at α = \(messageNumber(alpha))")
            return fallback
        }
        let good = pValues.calibration, sortedBatch = batch.sorted()
        var best = (ba: -Double.infinity, value: sortedBatch[0], tpr: 0.0, fpr: 0.0, flagged: 0)
        var g = 0  // first calibration score ≥ the candidate
        var i = 0
        while i < sortedBatch.count {
            let t = sortedBatch[i]
            while g < good.count && good[g] < t { g += 1 }
            let flagged = sortedBatch.count - i
            let fpr = Double(good.count - g) / n
            let tpr = min(1, max(0, (Double(flagged) / m - pi0 * fpr) / (1 - pi0)))
            let ba = (tpr + 1 - fpr) / 2
            if ba > best.ba { best = (ba, t, tpr, fpr, flagged) }
            while i < sortedBatch.count && sortedBatch[i] == t { i += 1 }
        }
        details += [Detail("mixture_tpr", best.tpr), Detail("mixture_fpr", best.fpr), Detail("batch_flagged", best.flagged)]
        return FittedThreshold(strategy: name, value: best.value, details: details)
    }
}

extension BatchMixtureThreshold {
    public static let descriptor = StrategyDescriptor(
        key: "batch-ba", family: .batch,
        summary: "transductive: best balanced accuracy that Storey's mixture model predicts on the unlabelled batch being labelled",
        parameters: [.number("lambda", "L", default: StoreyNullProportion.defaultLambda, in: .open(0, 1),
                             help: "batch-ba: Storey's λ, p-values above it count as good."), .alpha],
        reads: .unlabelledBatch,
        make: { v in BatchMixtureThreshold(lambda: v.number("lambda") ?? StoreyNullProportion.defaultLambda, alpha: v.number("alpha") ?? 0.05) })
}
