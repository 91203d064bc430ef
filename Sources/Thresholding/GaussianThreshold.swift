/// mean + k·σ of the normal scores, with k given directly or from a target FPR.
///
/// With `.alpha(a)` the multiplier is the normal quantile Φ⁻¹(1 − a), so the
/// stated FPR holds only if the scores really are Gaussian (they rarely are).
/// σ is the unbiased sample standard deviation.
public struct GaussianThreshold: Threshold {
    /// How the multiplier is chosen.
    public enum Rule: Sendable, Hashable {
        /// k standard deviations above the mean.
        case sigmas(Double)
        /// The normal quantile for a target false-alarm rate.
        case alpha(Double)
    }

    public var rule: Rule

    public var name: String { "gaussian" }
    public var minimumNormalCount: Int { 2 }

    /// The FPR the rule implies if the scores are Gaussian.
    public var targetFPR: Double? {
        switch rule {
        case .alpha(let a): return a
        case .sigmas(let k): return NormalDistribution.survival(k)
        }
    }

    public init(_ rule: Rule = .alpha(0.05)) { self.rule = rule }

    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        let k: Double
        switch rule {
        case .alpha(let a):
            try requireProbability(a, name: "alpha")
            k = NormalDistribution.quantile(1 - a)
        case .sigmas(let s):
            try requireFinite(s, name: "sigmas")
            k = s
        }
        try requireNormalScores(normal, atLeast: 2, strategy: name, reason: "a standard deviation needs two scores")
        guard let lowest = normal.min(), let highest = normal.max(), lowest < highest else {
            throw .noSpread(strategy: name, reason: "all \(normal.count) normal scores are equal, so σ = 0")
        }
        // In units of a power of two, so neither the squares of scores near 1e160
        // overflow nor those of subnormal scores underflow to a false σ = 0.
        let moments = ScaledMoments(normal)
        let scale = moments.scale
        let sd = try scale.represent(moments.standardDeviation, as: "standard deviation σ", strategy: name)
        guard sd > 0 else {
            throw .notRepresentable(
                strategy: name,
                reason: "σ \(scale.approximateText(moments.standardDeviation)) is below the smallest positive Double;"
                    + " rescale the scores")
        }
        let mean = scale.up(moments.mean)
        let value = try scale.represent(
            moments.mean + k * moments.standardDeviation, as: "threshold mean + kσ", strategy: name)
        return FittedThreshold(
            strategy: name, value: value, targetFPR: targetFPR,
            details: [Detail("n", normal.count), Detail("mean", mean), Detail("sd", sd), Detail("sigmas", k)])
    }
}

extension GaussianThreshold {
    public static let descriptor = StrategyDescriptor(
        key: "gaussian", family: .parametric,
        summary: "mean + kσ: the normal quantile for α, or K sigmas with --sigmas",
        parameters: [.alpha, .number("sigmas", "K", help: "gaussian: use mean + K·σ instead of the normal quantile for α.")],
        reads: .normalScores,
        make: { v throws(ParameterError) in
            if v.isGiven("sigmas") && v.isGiven("alpha") {
                throw ParameterError(key: "sigmas", text: v.value("sigmas")?.description ?? "",
                                     expected: "either --alpha or --sigmas for gaussian, not both")
            }
            return GaussianThreshold(v.number("sigmas").map { .sigmas($0) } ?? .alpha(v.number("alpha") ?? 0.05))
        })
}
