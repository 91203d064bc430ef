extension IQRThreshold {
    public static let descriptor = StrategyDescriptor(key: "iqr", family: .parametric, summary: "Tukey's fence Q3 + k·IQR (NumPy's linear quartiles)",
        parameters: [.number("k", "K", default: 1.5, help: "iqr: Q3 + K·IQR.")], reads: .normalScores, make: { v in IQRThreshold(k: v.number("k") ?? 1.5) })
}

/// Tukey's fence Q3 + k·IQR.
///
/// Quartiles use linear interpolation (NumPy's default). The stated FPR is the
/// Gaussian tail beyond the fence, z = Φ⁻¹(0.75)·(1 + 2k): nominal, exact only
/// for Gaussian scores (k = 1.5 gives 0.35%).
public struct IQRThreshold: Threshold {
    /// The multiple of the interquartile range above Q3.
    public var k: Double

    public var name: String { "iqr" }
    public var minimumNormalCount: Int { 2 }

    public var targetFPR: Double? {
        NormalDistribution.survival(NormalDistribution.quantile(0.75) * (1 + 2 * k))
    }

    public init(k: Double = 1.5) { self.k = k }

    /// - Complexity: O(n log n).
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireFinite(k, name: "k")
        try requireNormalScores(normal, atLeast: 2, strategy: name, reason: "quartiles need two scores")
        let sorted = normal.sorted()
        let q1 = OrderStatistics.quantile(sorted: sorted, 0.25)
        let q3 = OrderStatistics.quantile(sorted: sorted, 0.75)
        guard q3 > q1 else {
            throw .noSpread(strategy: name, reason: "the middle half of the \(normal.count) normal scores are equal, so the IQR is 0")
        }
        // At the scale of the quartiles, so an IQR beyond 1.8e308 still gives a fence that fits.
        let scale = PowerOfTwoScale(largestMagnitude: Swift.max(abs(q1), abs(q3)))
        let value = try scale.represent(
            scale.down(q3) + k * (scale.down(q3) - scale.down(q1)), as: "fence Q3 + k·IQR", strategy: name)
        return FittedThreshold(
            strategy: name, value: value, targetFPR: targetFPR,
            details: [Detail("n", normal.count), Detail("q1", q1), Detail("q3", q3), Detail("k", k)])
    }
}
