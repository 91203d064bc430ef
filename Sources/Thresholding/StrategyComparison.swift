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
        /// The FPR the strategy aims for, if it states one.
        public var targetFPR: Double?
        /// The fitted threshold, or nil if it could not be fitted.
        public var fitted: FittedThreshold?
        /// Why it could not be fitted.
        public var error: ThresholdError?
        /// The test-set labelling at the fitted threshold.
        public var counts: ConfusionCounts?
    }

    /// AUROC of the test scores: the ceiling on how well any threshold separates them.
    public var auroc: Double
    /// How many calibration scores the unsupervised strategies were fitted on.
    public var calibrationCount: Int
    /// One entry per strategy, in the order given, then the oracles.
    public var entries: [Entry]

    /// Fits every strategy on `calibration` and evaluates it on the test scores.
    ///
    /// A strategy that cannot be fitted is kept with its error; the rest still run.
    ///
    /// - Throws: when a test class is empty or any score is NaN or ±inf.
    /// - Complexity: O((n + m) log(n + m)) per strategy.
    public init(
        strategies: [any Threshold], calibration: [Double], testNormal: [Double], testAnomalous: [Double],
        includeOracles: Bool = true
    ) throws(ThresholdError) {
        try requireFinite(calibration, set: "calibration")
        auroc = try Thresholding.auroc(normal: testNormal, anomalous: testAnomalous)
        calibrationCount = calibration.count
        var entries: [Entry] = []
        func evaluate(_ strategy: any Threshold, normal: [Double], anomalous: [Double], oracle: Bool) {
            do throws(ThresholdError) {
                let fitted = try strategy.fit(normal: normal, anomalous: anomalous)
                let counts = try ConfusionCounts(threshold: fitted.value, normal: testNormal, anomalous: testAnomalous)
                entries.append(Entry(name: strategy.name, isOracle: oracle, targetFPR: strategy.targetFPR,
                                     fitted: fitted, error: nil, counts: counts))
            } catch {
                entries.append(Entry(name: strategy.name, isOracle: oracle, targetFPR: strategy.targetFPR,
                                     fitted: nil, error: error, counts: nil))
            }
        }
        for s in strategies { evaluate(s, normal: calibration, anomalous: [], oracle: false) }
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

    /// Every normal-score strategy at a common α, in the order reports list them.
    ///
    /// EVT needs α < 1 − level. Its usual level 0.98 only allows α < 0.02, so
    /// here the level is min(0.98, 1 − 2α): the initial threshold then sits at
    /// twice the target tail, which leaves the GPD room to extrapolate.
    public static func normalScoreStrategies(alpha: Double = 0.05, delta: Double = 0.1) -> [any Threshold] {
        [
            ConformalThreshold(alpha: alpha),
            ConditionalConformalThreshold(alpha: alpha, delta: delta),
            EVTThreshold(alpha: alpha, level: automaticEVTLevel(alpha: alpha)),
            GaussianThreshold(.alpha(alpha)),
            MADThreshold(),
            IQRThreshold(),
            LognormalThreshold(alpha: alpha),
        ]
    }

    /// The EVT initial level used in comparisons: min(0.98, 1 − 2α).
    public static func automaticEVTLevel(alpha: Double) -> Double {
        Swift.min(0.98, 1 - 2 * alpha)
    }
}
