/// An exact confidence interval for a binomial proportion: how large a false-alarm
/// rate can be, given k false alarms among n held-out good scores.
///
/// The Clopper–Pearson interval inverts two one-sided binomial tests, so it covers
/// the true rate with probability at least the confidence level for every n and
/// every rate (it is conservative: usually a little more):
/// - lower = Beta quantile(α/2; k, n − k + 1), and 0 when k = 0;
/// - upper = Beta quantile(1 − α/2; k + 1, n − k), and 1 when k = n;
///
/// with α = 1 − confidence. With k = 0 the upper end is 1 − (α/2)^(1/n), about
/// 3.7/n at 95 %: zero false alarms in 100 scores still allows a rate of 3.6 %.
public struct BinomialInterval: Sendable, Hashable, Codable {
    /// k, the number of events (false alarms).
    public var successes: Int
    /// n, the number of trials (held-out good scores).
    public var trials: Int
    /// The two-sided confidence level, e.g. 0.95.
    public var confidence: Double
    /// The lower end of the interval.
    public var lower: Double
    /// The upper end of the interval.
    public var upper: Double

    /// k/n, the point estimate.
    public var estimate: Double { Double(successes) / Double(trials) }

    /// The Clopper–Pearson interval for k events in n trials.
    ///
    /// - Parameters:
    ///   - successes: k, in 0...n.
    ///   - trials: n ≥ 1.
    ///   - confidence: the two-sided level, in (0, 1); 0.95 by default.
    /// - Throws: ``ThresholdError/tooFewScores(strategy:needed:got:reason:)`` for n < 1;
    ///   ``ThresholdError/invalidParameter(name:value:expected:)`` for k outside 0...n
    ///   or a confidence outside (0, 1).
    /// - Complexity: two Beta quantiles, each O(√n) per incomplete-beta evaluation.
    public static func clopperPearson(
        successes k: Int, trials n: Int, confidence: Double = 0.95
    ) throws(ThresholdError) -> BinomialInterval {
        guard n >= 1 else {
            throw .tooFewScores(strategy: "clopper-pearson", needed: 1, got: Swift.max(n, 0),
                                reason: "a rate needs at least one trial")
        }
        guard k >= 0, k <= n else {
            throw .invalidParameter(name: "successes", value: Double(k), expected: "a count in 0...\(n)")
        }
        try requireProbability(confidence, name: "confidence")
        let alpha = 1 - confidence
        let lower = k == 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, a: Double(k), b: Double(n - k + 1))
        let upper = k == n ? 1 : inverseRegularizedIncompleteBeta(1 - alpha / 2, a: Double(k + 1), b: Double(n - k))
        return BinomialInterval(successes: k, trials: n, confidence: confidence, lower: lower, upper: upper)
    }

    /// The false-alarm rate of `threshold` on held-out good scores (score ≥ threshold is a false alarm), with its exact interval.
    ///
    /// The scores must not have been used to fit the threshold, or the rate is optimistic.
    /// - Throws: ``ThresholdError/nonFiniteScore(set:index:value:)``; as
    ///   ``clopperPearson(successes:trials:confidence:)`` for no scores or a bad confidence.
    /// - Complexity: O(n) plus the two quantiles.
    public static func falseAlarmRate(
        threshold: Double, heldOutNormal scores: [Double], confidence: Double = 0.95
    ) throws(ThresholdError) -> BinomialInterval {
        try requireFinite(scores, set: "held-out normal")
        guard !threshold.isNaN else {
            throw .invalidParameter(name: "threshold", value: threshold, expected: "a number that is not NaN")
        }
        let falseAlarms = scores.reduce(0) { $0 + ($1 >= threshold ? 1 : 0) }
        return try clopperPearson(successes: falseAlarms, trials: scores.count, confidence: confidence)
    }
}
