import Foundation

/// The calibration-conditional conformal cut-off: FPR ≤ α with probability
/// at least 1 − δ over the draw of the calibration set.
///
/// For a threshold at the k-th smallest calibration score the realised FPR is
/// Beta(n + 1 − k, k) distributed, so the smallest k with
/// I_α(n + 1 − k, k) ≥ 1 − δ gives the guarantee. It is feasible only when
/// n ≥ ln δ / ln(1 − α).
public struct ConditionalConformalThreshold: Threshold {
    /// The target false-alarm rate, in (0, 1).
    public var alpha: Double
    /// The allowed probability that the realised FPR exceeds α, in (0, 1).
    public var delta: Double

    public var name: String { "conformal-conditional" }
    public var targetFPR: Double? { alpha }
    public var guarantee: ThresholdGuarantee {
        .falseAlarmBound(alpha, basis: "with probability ≥ \(messageNumber(1 - delta)) over the calibration set")
    }
    public var minimumNormalCount: Int {
        alpha > 0 && alpha < 1 && delta > 0 && delta < 1 ? Self.minimumCount(alpha: alpha, delta: delta) : 1
    }

    public init(alpha: Double = 0.05, delta: Double = 0.1) {
        self.alpha = alpha
        self.delta = delta
    }

    /// The smallest calibration size for which the guarantee is attainable.
    public static func minimumCount(alpha: Double, delta: Double) -> Int {
        OrderStatistics.ceilTolerant(Foundation.log(delta) / Foundation.log1p(-alpha))
    }

    /// The smallest order-statistic index k that meets the guarantee, or nil if none does.
    ///
    /// - Complexity: O(log n) incomplete-beta evaluations (the probability increases with k).
    public static func orderIndex(n: Int, alpha: Double, delta: Double) -> Int? {
        func meets(_ k: Int) -> Bool {
            regularizedIncompleteBeta(alpha, a: Double(n + 1 - k), b: Double(k)) >= 1 - delta
        }
        guard n > 0, meets(n) else { return nil }
        var lo = 1, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if meets(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireProbability(alpha, name: "alpha")
        try requireProbability(delta, name: "delta")
        try requireFinite(normal, set: "normal")
        let n = normal.count
        guard let k = Self.orderIndex(n: n, alpha: alpha, delta: delta) else {
            let needed = Self.minimumCount(alpha: alpha, delta: delta)
            throw .tooFewScores(
                strategy: name, needed: needed, got: n,
                reason: "FPR ≤ \(messageNumber(alpha)) with probability \(messageNumber(1 - delta)) needs n ≥ ln δ / ln(1 − α)")
        }
        return try OrderStatistics.conformalCutOff(orderStatistic: k, of: normal, strategy: name, targetFPR: alpha,
                                                   parameters: [Detail("alpha", alpha), Detail("delta", delta)])
    }
}

extension ConditionalConformalThreshold {
    public static let descriptor = StrategyDescriptor(
        key: "conformal-conditional", family: .normalScore,
        summary: "FPR ≤ α with probability ≥ 1 − δ over the calibration draw",
        parameters: [.alpha, .number("delta", "D", default: 0.1, in: .open(0, 1),
                                     help: "conformal-conditional: allowed chance that the realised FPR exceeds α.")],
        reads: .normalScores,
        make: { v in ConditionalConformalThreshold(alpha: v.number("alpha") ?? 0.05, delta: v.number("delta") ?? 0.1) })
}
