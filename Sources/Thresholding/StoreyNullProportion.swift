/// Storey's estimate of the share of a batch that is normal (π₀), from the batch's conformal p-values.
///
/// Normal samples have p-values roughly uniform on (0, 1]; anomalies pile up near 0. So the
/// p-values above λ are almost all normal, and they cover a (1 − λ) share of the normal ones:
/// π̂₀ = (1 + #{pⱼ > λ}) / ((1 − λ) m), capped at 1. The +1 is the finite-sample correction of
/// Storey, Taylor and Siegmund (2004), which keeps the estimate from being too small (the
/// conservative side) when the batch is small.
///
/// ```swift
/// let p = try ConformalPValues(calibration: good).pValues(batch)
/// let pi0 = try StoreyNullProportion.estimate(pValues: p)   // ≈ share of good images in the batch
/// ```
///
/// - Complexity: O(m) for m p-values.
///
/// Edge cases: a batch with no p-value above λ still gets π̂₀ = 1 / ((1 − λ) m) > 0; an empty
/// batch or λ outside (0, 1) throws.
public enum StoreyNullProportion {
    /// The usual λ: the upper half of the p-values.
    public static let defaultLambda = 0.5

    /// π̂₀ in (0, 1].
    /// - Throws: ``ThresholdError/tooFewScores(strategy:needed:got:reason:)`` for an empty batch,
    ///   ``ThresholdError/invalidParameter(name:value:expected:)`` for λ outside (0, 1) or a p-value outside [0, 1].
    public static func estimate(pValues: [Double], lambda: Double = defaultLambda) throws(ThresholdError) -> Double {
        guard lambda > 0, lambda < 1 else { throw .invalidParameter(name: "lambda", value: lambda, expected: "a number in (0, 1)") }
        guard !pValues.isEmpty else {
            throw .tooFewScores(strategy: "π₀ estimate", needed: 1, got: 0, reason: "the unlabelled batch is empty")
        }
        if let bad = pValues.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .invalidParameter(name: "p-value", value: bad, expected: "a number in [0, 1]")
        }
        let above = pValues.count { $0 > lambda }
        return min(1, Double(1 + above) / ((1 - lambda) * Double(pValues.count)))
    }
}
