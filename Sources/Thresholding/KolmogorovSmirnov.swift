import Foundation

/// The one-sample Kolmogorov–Smirnov test against the uniform distribution on [0, 1].
///
/// ThresholdKit uses it on the conformal p-values of good test images: if the
/// scorer sees test-good images as it saw the calibration images, those
/// p-values are uniform. A small KS p-value warns of a shift between the good
/// images used for fitting and the ones inspected (lighting, camera, batch),
/// under which no calibration guarantee holds.
public struct KolmogorovSmirnov: Sendable, Hashable {
    /// D = sup |F_n(x) − x|.
    public var statistic: Double
    /// P(D ≥ observed) under uniformity, by Stephens' approximation: Q_KS((√n + 0.12 + 0.11/√n)·D),
    /// within about 0.02 of the exact value for n ≥ 5 (0.86 vs 0.84 at n = 7).
    public var pValue: Double
    public var count: Int
    /// D⁺ = sup (F_n(x) − x): how far the values crowd towards 0. Conformal p-values that are
    /// too small mean test scores run higher than the calibration scores: more false alarms than α.
    public var excessBelow: Double
    /// D⁻ = sup (x − F_n(x)): how far the values crowd towards 1 (scores lower: fewer false alarms).
    public var excessAbove: Double

    /// Whether the values lean towards 0, the side that breaks a false-alarm guarantee.
    public var leansLow: Bool { excessBelow >= excessAbove }

    /// Tests `values` (each in [0, 1]) for uniformity.
    ///
    /// - Throws: when `values` is empty or holds a value outside [0, 1].
    /// - Complexity: O(n log n).
    public init(uniform values: [Double]) throws(ThresholdError) {
        guard !values.isEmpty else {
            throw .tooFewScores(strategy: "kolmogorov-smirnov", needed: 1, got: 0, reason: "")
        }
        for (i, v) in values.enumerated() where !(v >= 0 && v <= 1) {
            throw .invalidParameter(name: "value[\(i)]", value: v, expected: "a number in [0, 1]")
        }
        let s = values.sorted()
        let n = Double(s.count)
        var (below, above) = (0.0, 0.0)
        for (i, x) in s.enumerated() {
            below = max(below, Double(i + 1) / n - x)
            above = max(above, x - Double(i) / n)
        }
        excessBelow = below
        excessAbove = above
        let d = max(below, above)
        statistic = d
        count = s.count
        let root = n.squareRoot()
        pValue = Self.kolmogorovSurvival((root + 0.12 + 0.11 / root) * d)
    }

    /// Q_KS(λ) = P(K > λ) for the Kolmogorov distribution K.
    ///
    /// The alternating series converges fast for λ ≳ 1; below that the Jacobi
    /// theta form of the CDF converges fast instead, so each range uses its own.
    static func kolmogorovSurvival(_ lambda: Double) -> Double {
        guard lambda > 0 else { return 1 }
        if lambda < 1.18 {
            let t = -Double.pi * Double.pi / (8 * lambda * lambda)
            var sum = 0.0
            for k in stride(from: 1, through: 9, by: 2) { sum += exp(Double(k * k) * t) }
            return max(0, min(1, 1 - (2 * Double.pi).squareRoot() / lambda * sum))
        }
        var sum = 0.0
        for k in 1...100 {
            let term = exp(-2 * Double(k * k) * lambda * lambda)
            sum += (k % 2 == 1 ? term : -term)
            if term < 1e-17 { break }
        }
        return max(0, min(1, 2 * sum))
    }
}
