import Foundation

/// Quantiles of a sorted sample, with the conventions the strategies document.
enum OrderStatistics {
    /// The linear-interpolation quantile of an ascending, non-empty sample
    /// (NumPy's default, Hyndman–Fan type 7), so Q1/Q3 match what users compute in Python.
    static func quantile(sorted s: [Double], _ p: Double) -> Double {
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }

    /// The median of an ascending, non-empty sample.
    static func median(sorted s: [Double]) -> Double { quantile(sorted: s, 0.5) }

    /// The smallest integer k with k ≥ x, tolerant of rounding in x.
    ///
    /// `(n + 1) * (1 - alpha)` is computed in binary floating point, so a value
    /// that is an integer on paper (20 · 0.95) can land a hair above it and
    /// `ceil` would step one order statistic too far, needlessly raising the
    /// threshold. A relative slack far below one count absorbs that.
    static func ceilTolerant(_ x: Double) -> Int {
        Int((x - Swift.max(abs(x), 1) * 1e-12).rounded(.up))
    }
}

/// Mean and unbiased standard deviation of a sample (two-pass, so large offsets don't cancel).
func meanAndStandardDeviation(_ xs: [Double]) -> (mean: Double, sd: Double) {
    let n = Double(xs.count)
    let mean = xs.reduce(0, +) / n
    var ss = 0.0
    for x in xs { ss += (x - mean) * (x - mean) }
    return (mean, xs.count > 1 ? (ss / (n - 1)).squareRoot() : 0)
}
