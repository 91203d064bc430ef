/// The threshold ThresholdKit recommends: every good-only strategy fitted with its cross-fitted
/// expectation, then one chosen by ``ThresholdRecommendation`` (estimated balanced accuracy by
/// default, or the best estimated TPR under a false-alarm cap).
///
/// It reads synthetic anomalies (passed as `anomalous`) to estimate detection rates; without
/// any it falls back to `conformal`, which needs only good scores.
///
/// ```swift
/// let fitted = try RecommendedThreshold(alpha: 0.05).fit(normal: heldOutGood, anomalous: synthetic)
/// fitted.strategy        // e.g. "synthetic-ba", the candidate chosen
/// fitted.reason          // why, with the estimates
/// ```
public struct RecommendedThreshold: Threshold {
    public var name: String { "recommended" }
    public var reads: ThresholdInput { .syntheticAnomalies }
    /// The α of every candidate that takes one.
    public var alpha: Double
    public var objective: RecommendationObjective
    /// Where the candidates come from: every strategy of the registry that reads good scores
    /// or synthetic anomalies, except rules that themselves choose among strategies.
    public var registry: StrategyRegistry

    public var targetFPR: Double? {
        if case .maximumFPR(let f) = objective { return f }
        return nil
    }
    public var minimumNormalCount: Int { 1 }

    public init(alpha: Double = 0.05, objective: RecommendationObjective = .balancedAccuracy, registry: StrategyRegistry = .standard) {
        self.alpha = alpha
        self.objective = objective
        self.registry = registry
    }

    /// The candidates, in registry order, at ``alpha``.
    public var candidates: [any Threshold] {
        registry.reading([.normalScores, .syntheticAnomalies]).filter { $0.family != .recommendation }.compactMap { d in
            var values = d.emptyValues
            values.set("alpha", .number(alpha))
            return try? d.make(values)
        }
    }

    /// Fits every candidate with its expectation and returns the chosen one, its `reason` set.
    /// - Throws: ``ThresholdError`` for non-finite or missing good scores; candidates that
    ///   cannot be fitted are skipped.
    /// - Complexity: K + 1 fits of each candidate (cross-fitting), O(s K (n + m) log(n + m)).
    public func fit(normal: [Double], anomalous synthetic: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireFinite(normal, set: "normal")
        try requireFinite(synthetic, set: "synthetic")
        guard !normal.isEmpty else {
            throw .tooFewScores(strategy: name, needed: 1, got: 0, reason: "it compares thresholds on held-out good scores")
        }
        let fitted = candidates.compactMap { try? $0.fitWithExpectation(normal: normal, anomalous: synthetic) }
        let choice = ThresholdRecommendation.choose(fitted, calibration: normal, synthetic: synthetic, objective: objective)
        guard var chosen = fitted.first(where: { $0.strategy == choice.strategy }) else {
            throw .tooFewScores(strategy: name, needed: 1, got: normal.count, reason: "no candidate threshold could be fitted: \(choice.reason)")
        }
        chosen.reason = choice.reason
        return chosen
    }
}

extension RecommendedThreshold {
    public static let descriptor = StrategyDescriptor(
        key: "recommended", family: .recommendation,
        summary: "the good-only threshold with the best estimated balanced accuracy (or, with max-fpr, the best estimated TPR under that false-alarm cap), with guard rails",
        parameters: [.alpha, .number("max-fpr", "F", in: .open(0, 1), help: "recommended: the highest estimated TPR whose 95% false-alarm interval stays at or below F.")],
        reads: .syntheticAnomalies,
        make: { v in
            RecommendedThreshold(alpha: v.number("alpha") ?? 0.05,
                                 objective: v.number("max-fpr").map(RecommendationObjective.maximumFPR) ?? .balancedAccuracy)
        })
}
