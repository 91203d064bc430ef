import Foundation

/// The (1 − α) quantile of a log-normal fitted to shifted normal scores.
///
/// Anomaly scores can be negative (−log-likelihoods are), so the fit is to
/// y = s − ℓ with the location ℓ = min − (max − min)/n: the calibration minimum
/// placed one expected spacing above the lower end of the support, which keeps
/// log(y) finite without moving the bulk of the data. μ and σ are the mean and
/// unbiased standard deviation of log(y); t = ℓ + exp(μ + σ·Φ⁻¹(1 − α)).
public struct LognormalThreshold: Threshold {
    /// The target false-alarm rate, in (0, 1).
    public var alpha: Double

    public var name: String { "lognormal" }
    public var minimumNormalCount: Int { 3 }
    public var targetFPR: Double? { alpha }

    public init(alpha: Double = 0.05) { self.alpha = alpha }

    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireProbability(alpha, name: "alpha")
        try requireNormalScores(normal, atLeast: 3, strategy: name, reason: "a shifted log-normal needs three scores")
        let n = normal.count
        let lo = normal.min() ?? 0, hi = normal.max() ?? 0
        guard lo < hi else {
            throw .unavailable(strategy: name, reason: "all \(n) normal scores are equal, so the shifted log-normal is degenerate")
        }
        // In units of a power of two: the range and the shifted scores of scores of both
        // signs near 1.8e308 would overflow, while their logarithms only shift by e·ln 2.
        let scale = PowerOfTwoScale(largestMagnitude: Swift.max(abs(lo), abs(hi)))
        let scaledLow = scale.down(lo)
        let scaledLocation = scaledLow - (scale.down(hi) - scaledLow) / Double(n)
        guard scaledLocation < scaledLow else {
            throw .unavailable(
                strategy: name,
                reason: "the shift ℓ = min − (max − min)/n rounds to the minimum score \(messageNumber(lo)),"
                    + " whose logarithm is then −∞; the scores' range is too small for their magnitude")
        }
        let logs = normal.map { log(scale.down($0) - scaledLocation) }
        let (scaledMu, sigma) = meanAndStandardDeviation(logs)
        guard sigma > 0, sigma.isFinite else {
            throw .unavailable(strategy: name, reason: "the log-scores have no spread")
        }
        let value = try scale.represent(
            scaledLocation + exp(scaledMu + sigma * NormalDistribution.quantile(1 - alpha)),
            as: "threshold ℓ + exp(μ + σ·z)", strategy: name)
        let location = try scale.represent(scaledLocation, as: "location ℓ", strategy: name)
        let mu = scaledMu + Double(scale.exponent) * M_LN2
        return FittedThreshold(
            strategy: name, value: value, targetFPR: alpha,
            details: [Detail("n", n), Detail("location", location), Detail("mu", mu), Detail("sigma", sigma), Detail("alpha", alpha)])
    }
}

extension LognormalThreshold {
    public static let descriptor = StrategyDescriptor(key: "lognormal", family: .parametric, summary: "log-normal (1−α) quantile of the scores shifted by ℓ = min − (max−min)/n",
        parameters: [.alpha], reads: .normalScores, make: { v in LognormalThreshold(alpha: v.number("alpha") ?? 0.05) })
}
