extension MADThreshold {
    public static let descriptor = StrategyDescriptor(key: "mad", family: .parametric, summary: "median + k·1.4826·MAD",
        parameters: [.number("k", "K", default: 3, help: "mad: median + K·1.4826·MAD.")], reads: .normalScores, make: { v in MADThreshold(k: v.number("k") ?? 3) })
}

/// median + k·1.4826·MAD: a robust mean + kσ.
///
/// 1.4826 makes the MAD estimate σ for Gaussian data, so the stated FPR is
/// the Gaussian tail beyond k standard deviations: a nominal figure, exact
/// only if the scores are Gaussian.
public struct MADThreshold: Threshold {
    /// The number of robust standard deviations above the median.
    public var k: Double

    /// The factor that makes the MAD a consistent estimator of σ for Gaussian data.
    public static let consistency = 1.4826

    public var name: String { "mad" }
    public var minimumNormalCount: Int { 2 }
    public var targetFPR: Double? { NormalDistribution.survival(k) }

    public init(k: Double = 3) { self.k = k }

    /// - Complexity: O(n log n).
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireFinite(k, name: "k")
        try requireNormalScores(normal, atLeast: 2, strategy: name, reason: "a spread needs two scores")
        let sorted = normal.sorted()
        let median = OrderStatistics.median(sorted: sorted)
        // A deviation between scores of opposite signs can exceed 1.8e308; halved, none can.
        var deviations = sorted.map { abs($0 - median) }
        var deviationScale = 1.0
        if deviations.contains(where: { !$0.isFinite }) {
            deviations = sorted.map { abs($0 / 2 - median / 2) }
            deviationScale = 2
        }
        deviations.sort()
        let scaledMAD = OrderStatistics.median(sorted: deviations)
        guard scaledMAD > 0 else {
            throw .noSpread(strategy: name, reason: "at least half of the \(normal.count) normal scores equal the median, so the MAD is 0")
        }
        let mad = try PowerOfTwoScale(largestMagnitude: deviationScale)
            .represent(scaledMAD, as: "median absolute deviation", strategy: name)
        let value = try PowerOfTwoScale.sum(
            median, plus: k * Self.consistency, times: mad, as: "threshold median + k·1.4826·MAD", strategy: name)
        return FittedThreshold(
            strategy: name, value: value, targetFPR: targetFPR,
            details: [Detail("n", normal.count), Detail("median", median), Detail("mad", mad), Detail("k", k)])
    }
}
