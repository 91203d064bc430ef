/// Conformal p-values of new scores against a set of calibration (normal) scores.
///
/// p(s) = (1 + #{i : cᵢ ≥ s}) / (n + 1). For a normal sample exchangeable with
/// the calibration set, P(p ≤ u) ≤ u, so small p-values are evidence of anomaly
/// and Benjamini–Hochberg over them controls the false-discovery rate.
public struct ConformalPValues: Sendable, Hashable, Codable {
    /// The calibration scores, ascending.
    public let calibration: [Double]

    /// Creates the p-value function; throws on NaN or ±inf.
    public init(calibration: [Double]) throws(ThresholdError) {
        try requireFinite(calibration, set: "calibration")
        self.calibration = calibration.sorted()
    }

    /// The p-value of one score.
    ///
    /// - Complexity: O(log n).
    public func pValue(_ score: Double) -> Double {
        // First index whose calibration score is ≥ score.
        var lo = 0, hi = calibration.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if calibration[mid] < score { lo = mid + 1 } else { hi = mid }
        }
        return Double(1 + calibration.count - lo) / Double(calibration.count + 1)
    }

    /// The p-values of many scores, in input order.
    public func pValues(_ scores: [Double]) -> [Double] { scores.map(pValue) }
}
