/// Several threshold strategies fitted on the same calibration scores and evaluated side by side on labelled test scores.
///
/// Unsupervised strategies see only the calibration (normal) scores. The two
/// oracles are fitted on the test labels themselves: they are the best any
/// threshold could do on this test set, not something usable in production.
public struct StrategyComparison: Sendable {
    /// One strategy's outcome.
    public struct Entry: Sendable {
        /// The strategy key, e.g. `"conformal"` or `"oracle-best-f1"`.
        public var name: String
        /// True for thresholds chosen with the test labels.
        public var isOracle: Bool
        /// True for transductive strategies, fitted on the test scores without their labels (`batch-*`).
        public var isTransductive: Bool = false
        /// The FPR the strategy aims for, if it states one.
        public var targetFPR: Double?
        /// The fitted threshold, or nil if it could not be fitted.
        public var fitted: FittedThreshold?
        /// Why it could not be fitted.
        public var error: ThresholdError?
        /// The test-set labelling at the fitted threshold.
        public var counts: ConfusionCounts?

        /// Whether it saw neither the test labels nor the test scores: the entries a recommendation
        /// chooses among and is ranked against.
        public var isGoodOnly: Bool { !isOracle && !isTransductive }

        /// What it saw of the test set, for a table's note column; nil for a good-only entry.
        public var testSetNote: String? {
            if isOracle { return "oracle: chosen on the test labels" }
            return isTransductive ? "transductive: saw the test scores, not their labels; never recommended" : nil
        }
    }

    /// AUROC of the test scores: the ceiling on how well any threshold separates them.
    public var auroc: Double
    /// How many calibration scores the unsupervised strategies were fitted on.
    public var calibrationCount: Int
    /// One entry per strategy, in the order given, then the oracles.
    public var entries: [Entry]

    /// Fits every strategy on `calibration` and evaluates it on the test scores.
    ///
    /// Strategies that read synthetic anomalies get `synthetic` as their anomalous scores;
    /// transductive ones (`batch-*`) get every test score, without its label, as their batch; the
    /// others are fitted on `calibration` alone, and every unsupervised entry carries its
    /// cross-fitted ``ThresholdExpectation`` (FPR on `calibration`, TPR on `synthetic`).
    /// A strategy that cannot be fitted is kept with its error;
    /// the rest still run.
    ///
    /// - Throws: when a test class is empty or any score is NaN or ±inf.
    /// - Complexity: O(K (n + m) log(n + m)) per strategy, K the cross-fitting folds.
    public init(
        strategies: [any Threshold], calibration: [Double], synthetic: [Double] = [],
        testNormal: [Double], testAnomalous: [Double], includeOracles: Bool = true
    ) throws(ThresholdError) {
        try requireFinite(calibration, set: "calibration")
        try requireFinite(synthetic, set: "synthetic")
        auroc = try Thresholding.auroc(normal: testNormal, anomalous: testAnomalous)
        calibrationCount = calibration.count
        var entries: [Entry] = []
        func evaluate(_ strategy: any Threshold, normal: [Double], anomalous: [Double], oracle: Bool) {
            do throws(ThresholdError) {
                // Unsupervised entries say what to expect, measured on the good (and synthetic)
                // scores they were given; the oracles are fitted on the test set itself.
                let fitted = oracle ? try strategy.fit(normal: normal, anomalous: anomalous)
                    : try strategy.fitWithExpectation(normal: normal, anomalous: anomalous)
                let counts = try ConfusionCounts(threshold: fitted.value, normal: testNormal, anomalous: testAnomalous)
                entries.append(Entry(name: strategy.name, isOracle: oracle, isTransductive: strategy.reads == .unlabelledBatch,
                                     targetFPR: strategy.targetFPR, fitted: fitted, error: nil, counts: counts))
            } catch {
                entries.append(Entry(name: strategy.name, isOracle: oracle, isTransductive: strategy.reads == .unlabelledBatch,
                                     targetFPR: strategy.targetFPR, fitted: nil, error: error, counts: nil))
            }
        }
        for s in strategies {
            // Every good-only rule's detection rate is estimated on the synthetic anomalies;
            // only the synthetic-* rules are fitted on them (fitWithExpectation passes them on
            // only to strategies that read them). Labelled-anomaly rules have none here.
            let anomalous: [Double]
            switch s.reads {
            case .normalAndAnomalousScores: anomalous = []
            case .unlabelledBatch: anomalous = testNormal + testAnomalous
            default: anomalous = synthetic
            }
            evaluate(s, normal: calibration, anomalous: anomalous, oracle: false)
        }
        if includeOracles {
            for s in Self.oracles { evaluate(s, normal: testNormal, anomalous: testAnomalous, oracle: true) }
        }
        self.entries = entries
    }

    /// The oracle thresholds, fitted on the test labels.
    public static let oracles: [any Threshold] = [
        AdaptiveF1Threshold(name: "oracle-best-f1"),
        BestBalancedAccuracyThreshold(name: "oracle-best-balanced-accuracy"),
    ]

    /// Every registered strategy that reads good scores alone, at a common α (and δ), in registry order.
    public static func normalScoreStrategies(alpha: Double = 0.05, delta: Double = 0.1,
                                             registry: StrategyRegistry = .standard) -> [any Threshold] {
        registry.reading([.normalScores]).compactMap { d in
            var values = d.emptyValues
            values.set("alpha", .number(alpha))
            values.set("delta", .number(delta))
            return try? d.make(values)
        }
    }
}
