extension OrderStatistics {
    /// A conformal rule's cut-off just above the `k`-th smallest normal score, with `n`, `k` and the
    /// rule's `parameters` as details. The split and the calibration-conditional rules differ only in
    /// how they choose k, so they report alike.
    /// - Precondition: 1 ≤ k ≤ `normal.count`.
    /// - Throws: ``ThresholdError/notRepresentable(strategy:reason:)`` when s₍ₖ₎ is the largest Double.
    /// - Complexity: O(n log n) for the sort.
    static func conformalCutOff(orderStatistic k: Int, of normal: [Double], strategy: String, targetFPR: Double,
                                parameters: [Detail]) throws(ThresholdError) -> FittedThreshold {
        let value = try justAbove(orderStatistic: k, of: normal, strategy: strategy)
        return FittedThreshold(strategy: strategy, value: value, targetFPR: targetFPR,
                               details: [Detail("n", normal.count), Detail("k", k)] + parameters)
    }
}
