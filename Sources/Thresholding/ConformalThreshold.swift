/// The split-conformal cut-off: a finite-sample guarantee that a new normal
/// score is flagged with probability at most α.
///
/// With n calibration scores the threshold is t = s₍ₖ₎.nextUp, where
/// k = ⌈(n+1)(1−α)⌉. Flagging `score ≥ t` is then exactly "score > s₍ₖ₎",
/// the rule for which the guarantee is proved, even when scores tie.
/// The guarantee needs calibration scores the scorer was not fitted on.
public struct ConformalThreshold: Threshold {
    /// The target false-alarm rate, in (0, 1).
    public var alpha: Double

    public var name: String { "conformal" }
    public var targetFPR: Double? { alpha }
    public var guarantee: ThresholdGuarantee { .falseAlarmBound(alpha, basis: "split conformal") }
    public var minimumNormalCount: Int { alpha > 0 && alpha < 1 ? Self.minimumCount(alpha: alpha) : 1 }

    public init(alpha: Double = 0.05) { self.alpha = alpha }

    /// The smallest calibration size for which anything can be flagged: ⌈1/α − 1⌉.
    public static func minimumCount(alpha: Double) -> Int {
        Swift.max(OrderStatistics.ceilTolerant(1 / alpha - 1), 1)
    }

    /// - Complexity: O(n log n) for the sort.
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireProbability(alpha, name: "alpha")
        try requireFinite(normal, set: "normal")
        let n = normal.count
        let k = OrderStatistics.ceilTolerant(Double(n + 1) * (1 - alpha))
        guard n > 0, k <= n else {
            let needed = Self.minimumCount(alpha: alpha)
            throw .tooFewScores(
                strategy: name, needed: needed, got: n,
                reason: "with fewer than 1/α − 1 = \(needed) calibration scores nothing can be flagged at α = \(messageNumber(alpha))")
        }
        return try OrderStatistics.conformalCutOff(orderStatistic: k, of: normal, strategy: name, targetFPR: alpha,
                                                   parameters: [Detail("alpha", alpha)])
    }
}

extension ConformalThreshold {
    public static let descriptor = StrategyDescriptor(key: "conformal", family: .normalScore, summary: "t = s₍ₖ₎.nextUp, k = ⌈(n+1)(1−α)⌉: P(false alarm) ≤ α in finite samples",
        parameters: [.alpha], reads: .normalScores, make: { v in ConformalThreshold(alpha: v.number("alpha") ?? 0.05) })
}
