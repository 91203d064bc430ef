import Foundation

/// Quantiles of a sorted sample, with the conventions the strategies document.
enum OrderStatistics {
    /// The linear-interpolation quantile of an ascending, non-empty sample
    /// (NumPy's default, Hyndman–Fan type 7), so Q1/Q3 match what users compute in Python.
    ///
    /// Scoring keeps its own copy of the rule for Deep SVDD's radius, since neither module may
    /// depend on the other; both are tested against the same hand-worked NumPy cases.
    ///
    /// An exact order statistic is returned as it is, without touching its
    /// neighbour. When the gap s[hi] − s[lo] overflows (scores of both signs
    /// near ±1.8e308) the weighted form (1 − h)·s[lo] + h·s[hi] is used, whose
    /// terms cannot overflow; elsewhere the usual form keeps NumPy's rounding.
    static func quantile(sorted s: [Double], _ p: Double) -> Double {
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, s.count - 1)
        let fraction = h - Double(lo)
        guard fraction > 0, hi > lo else { return s[lo] }
        let gap = s[hi] - s[lo]
        guard gap.isFinite else { return (1 - fraction) * s[lo] + fraction * s[hi] }
        return s[lo] + fraction * gap
    }

    /// Just above the k-th smallest score, s₍ₖ₎.nextUp, so that flagging `score ≥` it is "score > s₍ₖ₎"
    /// even when scores tie: the conformal cut-offs.
    ///
    /// - Precondition: 1 ≤ k ≤ `scores.count`.
    /// - Throws: ``ThresholdError/notRepresentable(strategy:reason:)`` when s₍ₖ₎ is the largest Double.
    /// - Complexity: O(n log n) for the sort.
    static func justAbove(orderStatistic k: Int, of scores: [Double], strategy: String) throws(ThresholdError) -> Double {
        let value = scores.sorted()[k - 1].nextUp
        guard value.isFinite else { throw justAboveTheLargestDouble(strategy: strategy) }
        return value
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

/// Mean and unbiased standard deviation of a non-empty sample, in units of a power of two.
///
/// Two passes, so large offsets don't cancel, over values scaled by
/// ``PowerOfTwoScale``, so neither the sum (scores near 1e308) nor the squares
/// (scores near 1e160, or subnormal ones) overflow or underflow. The scaled
/// mean is at most the largest scaled magnitude, below 2; the scaled standard
/// deviation is at most 2√n.
struct ScaledMoments: Sendable {
    /// The power of two the sample was divided by.
    var scale: PowerOfTwoScale
    /// The mean in units of the scale.
    var mean: Double
    /// The unbiased standard deviation in units of the scale; 0 for one value.
    var standardDeviation: Double

    /// - Complexity: O(n).
    init(_ xs: [Double]) {
        let scale = PowerOfTwoScale(covering: xs)
        let n = Double(xs.count)
        var sum = 0.0
        for x in xs { sum += scale.down(x) }
        let mean = sum / n
        var ss = 0.0
        for x in xs {
            let d = scale.down(x) - mean
            ss += d * d
        }
        self.scale = scale
        self.mean = mean
        standardDeviation = xs.count > 1 ? (ss / (n - 1)).squareRoot() : 0
    }
}

/// Mean and unbiased standard deviation of a sample (two-pass, so large offsets don't cancel).
///
/// Computed by ``ScaledMoments``, so it is finite and accurate for any finite
/// scores unless the standard deviation itself exceeds the largest Double
/// (then it is +∞).
func meanAndStandardDeviation(_ xs: [Double]) -> (mean: Double, sd: Double) {
    let moments = ScaledMoments(xs)
    return (moments.scale.up(moments.mean), moments.scale.up(moments.standardDeviation))
}
