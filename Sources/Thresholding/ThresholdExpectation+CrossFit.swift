extension ThresholdExpectation {
    /// The usual number of folds: each cut-off is refitted on 80% of the scores.
    public static let defaultFolds = 5

    /// Estimates a strategy's error rates by K-fold cross-fitting: score i falls in fold
    /// i mod K; for each fold the strategy is refitted on the other folds and the fold's good
    /// scores at or above that cut-off count as false alarms, its anomalous scores as detections.
    ///
    /// This measures the rule, not one fitted value: the final cut-off uses all scores, so
    /// it is a little tighter than the fold cut-offs, a bias of order 1/K in the tail sizes.
    /// Folds interleave rather than slice, so a score file sorted by time or value still
    /// gives folds that look alike.
    ///
    /// ```swift
    /// let e = try ThresholdExpectation.crossFitted(ConformalThreshold(alpha: 0.1), normal: good)
    /// e.expectedFPR          // ≈ 0.1
    /// e.expectedFPRInterval  // Clopper–Pearson, 95%
    /// ```
    ///
    /// - Parameters:
    ///   - strategy: the rule; fitted K more times.
    ///   - normal: held-out good scores.
    ///   - anomalous: synthetic or labelled anomaly scores, passed to the strategy only if it reads them;
    ///     for a transductive strategy the unlabelled batch, passed whole to every fold and not counted.
    ///   - fitted: the cut-off fitted on all scores, used when the folds are too small (or for manual).
    ///   - folds: K, at least 2; fewer scores than K means one score per fold (leave-one-out).
    ///   - confidence: the intervals' two-sided level.
    /// - Throws: ``ThresholdError`` when `normal` is empty or a score is NaN or ±inf.
    /// - Complexity: K + 1 fits of the strategy, O(K (n + m) log(n + m)) for the built-in ones.
    ///
    /// Edge cases: a strategy that cannot be refitted on a fold (too few scores for its α)
    /// falls back to counting in-sample against `fitted`, and ``method`` says so.
    public static func crossFitted(_ strategy: any Threshold, normal: [Double], anomalous: [Double] = [],
                                   fitted: FittedThreshold? = nil, folds: Int = defaultFolds,
                                   confidence: Double = 0.95) throws(ThresholdError) -> ThresholdExpectation {
        try requireFinite(normal, set: "normal")
        try requireFinite(anomalous, set: "anomalous")
        guard !normal.isEmpty else {
            throw .tooFewScores(strategy: strategy.name, needed: 1, got: 0, reason: "its false-alarm rate is estimated on good scores")
        }
        let source: String
        switch strategy.reads {
        case .normalAndAnomalousScores: source = "labelled anomalies"
        case .unlabelledBatch: source = "none: the batch is unlabelled"
        default: source = "synthetic anomalies"
        }
        // A transductive rule needs the whole batch in every fold (it estimates the batch's
        // mixture), and the batch has no labels to count detections on: only FPR is cross-fitted.
        let batch = strategy.reads == .unlabelledBatch
        let counted = batch ? [] : anomalous
        let k = min(max(2, folds), normal.count)
        var falseAlarms = 0, detections = 0
        var foldRates: (good: [FoldCount], anomalous: [FoldCount]) = ([], [])
        var crossFitted = strategy.reads != .nothing && k >= 2
        if crossFitted {
            let passesAnomalous = strategy.reads == .normalAndAnomalousScores || strategy.reads == .syntheticAnomalies
            for fold in 0..<k {
                let (trainNormal, testNormal) = split(normal, fold: fold, of: k)
                let (trainAnomalous, testAnomalous) = split(counted, fold: fold, of: k)
                guard let cut = try? strategy.fit(normal: trainNormal, anomalous: batch ? anomalous : passesAnomalous ? trainAnomalous : []) else {
                    crossFitted = false
                    break
                }
                let f = testNormal.count { cut.isAnomalous($0) }, d = testAnomalous.count { cut.isAnomalous($0) }
                falseAlarms += f
                detections += d
                foldRates.good.append(FoldCount(events: f, trials: testNormal.count))
                foldRates.anomalous.append(FoldCount(events: d, trials: testAnomalous.count))
            }
        }
        if !crossFitted {
            let cut: FittedThreshold
            if let fitted { cut = fitted } else { cut = try strategy.fit(normal: normal, anomalous: anomalous) }
            falseAlarms = normal.count { cut.isAnomalous($0) }
            detections = counted.count { cut.isAnomalous($0) }
        }
        var fpr = try BinomialInterval.clopperPearson(successes: falseAlarms, trials: normal.count, confidence: confidence)
        var tpr = counted.isEmpty ? nil
            : try BinomialInterval.clopperPearson(successes: detections, trials: counted.count, confidence: confidence)
        if crossFitted {
            fpr = try widened(fpr, folds: foldRates.good)
            tpr = try tpr.map { i throws(ThresholdError) in try widened(i, folds: foldRates.anomalous) }
        }
        return ThresholdExpectation(falseAlarms: fpr, detections: tpr, guarantee: strategy.guarantee,
                                    method: crossFitted ? .crossFitted(folds: k) : .inSample, anomalySource: source)
    }

    /// Events among one fold's scores.
    struct FoldCount {
        var events: Int
        var trials: Int
    }

    /// The interval widened for an unstable cut-off.
    ///
    /// Clopper–Pearson counts only the binomial noise of a fixed cut-off. A rule whose cut-off
    /// moves with the data (the best balanced accuracy on a flat curve) adds the spread of its
    /// own rate, which shows as folds disagreeing more than binomial noise allows. That excess
    /// variance shrinks the effective number of scores, n_eff = p(1 − p) / (p(1 − p)/n + excess),
    /// and the interval is Clopper–Pearson's at n_eff (a design-effect correction). Stable rules
    /// such as conformal show no excess and keep the exact interval.
    static func widened(_ interval: BinomialInterval, folds: [FoldCount]) throws(ThresholdError) -> BinomialInterval {
        let used = folds.filter { $0.trials > 0 }
        let n = Double(interval.trials), p = interval.estimate
        guard used.count >= 3, p > 0, p < 1 else { return interval }
        let rates = used.map { Double($0.events) / Double($0.trials) }
        let mean = rates.reduce(0, +) / Double(rates.count)
        let observed = rates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rates.count - 1)
        let binomial = used.reduce(0) { $0 + p * (1 - p) / Double($1.trials) } / Double(used.count)
        let excess = observed - binomial
        guard excess > 0 else { return interval }
        let effective = max(1, Int((p * (1 - p) / (p * (1 - p) / n + excess)).rounded(.down)))
        let events = min(effective, max(0, Int((p * Double(effective)).rounded())))
        let wide = try BinomialInterval.clopperPearson(successes: events, trials: effective, confidence: interval.confidence)
        var result = interval
        result.lower = min(interval.lower, wide.lower)
        result.upper = max(interval.upper, wide.upper)
        return result
    }

    /// The scores outside fold `fold` and those in it, where score i belongs to fold i mod k.
    private static func split(_ scores: [Double], fold: Int, of k: Int) -> (rest: [Double], fold: [Double]) {
        var rest: [Double] = [], inFold: [Double] = []
        rest.reserveCapacity(scores.count)
        for (i, s) in scores.enumerated() {
            if i % k == fold { inFold.append(s) } else { rest.append(s) }
        }
        return (rest, inFold)
    }
}

extension Threshold {
    /// Fits the cut-off and attaches what to expect from it (cross-fitted error rates, guarantee).
    ///
    /// `anomalous` (synthetic or labelled anomaly scores) is passed to the fit only when the
    /// strategy reads anomalies; it always serves to estimate the detection rate.
    ///
    /// - Throws: ``ThresholdError`` from the fit.
    /// - Complexity: K + 1 fits; see ``ThresholdExpectation/crossFitted(_:normal:anomalous:fitted:folds:confidence:)``.
    public func fitWithExpectation(normal: [Double], anomalous: [Double] = [],
                                   folds: Int = ThresholdExpectation.defaultFolds) throws(ThresholdError) -> FittedThreshold {
        var fitted = try fit(normal: normal, anomalous: reads == .normalScores || reads == .nothing ? [] : anomalous)
        if !normal.isEmpty {
            fitted.expectation = try ThresholdExpectation.crossFitted(self, normal: normal, anomalous: anomalous,
                                                                      fitted: fitted, folds: folds)
        }
        return fitted
    }
}
