import Foundation

/// Picks the unsupervised threshold to recommend, with a one-line reason.
///
/// The procedure uses only what an unsupervised user has: held-out good scores and the
/// scores of synthetic anomalies made from good images. Every good-only strategy comes with
/// its cross-fitted false-alarm rate and 95% interval (``ThresholdExpectation``).
/// 1. **Trust.** The synthetic estimates count only when the scorer separates synthetic
///    anomalies from held-out good images (AUROC ≥ ``minimumSyntheticAUROC``); below that
///    they are noise, and the recommendation falls back to `conformal`, whose false-alarm
///    bound holds for any scores.
/// 2. **Guard rail.** A threshold whose estimated FPR exceeds ``maximumEstimatedFPR`` is never
///    recommended, whatever its estimated balanced accuracy.
/// 3. **Subtler fakes.** Real defects are usually subtler than Perlin fakes, so a detection
///    rate measured on the fakes alone favours cut-offs that are too high. The TPR estimate
///    pools the fakes at full strength and shrunk towards the good scores' median by the
///    factors in ``strengths`` (a score-space stand-in for weaker blends).
/// 4. **Objective.** By default the highest estimated balanced accuracy; with
///    ``RecommendationObjective/maximumFPR(_:)`` the highest pooled TPR among thresholds
///    whose FPR interval's upper end is at most F.
/// 5. **Ties.** With a wide gap between good scores and fakes many cut-offs tie; the middle
///    one (the lower median of the tied cut-offs) keeps the largest margin on both sides.
///
/// The constants are validated leave-one-set-out in the README's table (bottle, magnetic
/// tile, the demo set and score-level benchmarks, with kde, svdd and patchcore):
/// `swift run -c release RecommendationValidation`.
public struct ThresholdRecommendation: Sendable, Hashable {
    /// The key of the chosen strategy and why, in one line, with the estimates behind it.
    public var strategy: String, reason: String

    public init(strategy: String, reason: String) { (self.strategy, self.reason) = (strategy, reason) }

    /// Below this synthetic AUROC the synthetic TPR estimates are not used.
    public static let minimumSyntheticAUROC = 0.75
    /// No recommended threshold may flag more than this share of held-out good images (estimate).
    public static let maximumEstimatedFPR = 0.25
    /// The fake strengths the TPR estimate pools: 1 is the fakes as scored; s < 1 moves each
    /// fake score to median(good) + s · (score − median(good)).
    public static let strengths = [1.0, 0.75, 0.5]

    /// The rule's settings; the defaults are the documented constants above.
    public struct Settings: Sendable, Hashable {
        public var fprCap = ThresholdRecommendation.maximumEstimatedFPR
        public var minimumAUROC = ThresholdRecommendation.minimumSyntheticAUROC
        public var strengths = ThresholdRecommendation.strengths
        public init() {}
    }

    /// One candidate and its estimates.
    struct Candidate {
        var fitted: FittedThreshold
        var expectation: ThresholdExpectation
        /// The detection rate pooled over fake strengths, or nil without fakes.
        var pooledTPR: Double?
        var name: String { fitted.strategy }
        var estimatedBA: Double? { pooledTPR.map { (1 - expectation.expectedFPR + $0) / 2 } }
    }

    /// The recommendation among `fitted`, good-only thresholds carrying their expectations
    /// (``Threshold/fitWithExpectation(normal:anomalous:folds:)``), in registry order.
    ///
    /// - Parameters:
    ///   - fitted: the candidates; manual ones and any without an expectation are skipped.
    ///   - calibration: the held-out good scores the candidates were fitted on.
    ///   - synthetic: the synthetic anomalies' scores; may be empty.
    ///   - objective: what to maximise.
    ///   - settings: the guard rails and strengths; the validation benchmark varies them.
    /// - Complexity: O(s · m) for s candidates and m synthetic scores, plus O(n log n) for the median.
    public static func choose(_ fitted: [FittedThreshold], calibration: [Double], synthetic: [Double],
                              objective: RecommendationObjective = .balancedAccuracy,
                              settings: Settings = Settings()) -> ThresholdRecommendation {
        let sorted = calibration.sorted()
        let median = sorted.isEmpty ? 0 : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
        let candidates = fitted.compactMap { f -> Candidate? in
            guard let x = f.expectation, f.strategy != "manual", x.anomalySource == "synthetic anomalies" else { return nil }
            var pooled: Double?
            if let fullStrength = x.estimatedTPR, !synthetic.isEmpty {
                let rates = settings.strengths.map { s in
                    s == 1 ? fullStrength : Double(synthetic.count { median + s * ($0 - median) >= f.value }) / Double(synthetic.count)
                }
                pooled = rates.reduce(0, +) / Double(max(1, rates.count))
            }
            return Candidate(fitted: f, expectation: x, pooledTPR: pooled)
        }
        let conformal = candidates.first { $0.name == "conformal" }
        func fallback(_ why: String) -> ThresholdRecommendation {
            if let c = conformal {
                return .init(strategy: c.name, reason: "\(why), so the distribution-free false-alarm bound is the safer choice: \(c.expectation.guarantee.text)")
            }
            let safest = candidates.min { $0.expectation.falseAlarms.upper < $1.expectation.falseAlarms.upper }
            return .init(strategy: safest?.name ?? "mad",
                         reason: "\(why), and conformal cannot be fitted at this α; the lowest estimated false-alarm rate instead")
        }
        guard !synthetic.isEmpty, !calibration.isEmpty, candidates.contains(where: { $0.pooledTPR != nil }) else {
            return fallback("no synthetic anomalies to estimate detection rates")
        }
        let separation = (try? auroc(normal: calibration, anomalous: synthetic)) ?? 0.5
        guard separation >= settings.minimumAUROC else {
            return fallback("synthetic anomalies barely separate from held-out good images (AUROC \(short(separation)) < \(short(settings.minimumAUROC))), so detection-rate estimates cannot be trusted")
        }
        /// The best by `key` among `eligible`; exact ties go to the middle cut-off.
        func best(_ eligible: [Candidate], key: (Candidate) -> Double) -> (Candidate, ties: Int)? {
            guard let top = eligible.map(key).max() else { return nil }
            let tied = eligible.filter { key($0) == top }.sorted { $0.fitted.value < $1.fitted.value }
            return (tied[(tied.count - 1) / 2], tied.count)
        }
        let tieNote = { (n: Int) in n > 1 ? "; \(n) cut-offs tie, the middle one is taken" : "" }
        switch objective {
        case .balancedAccuracy:
            let eligible = candidates.filter { $0.expectation.expectedFPR <= settings.fprCap && $0.pooledTPR != nil }
            guard let (chosen, ties) = best(eligible, key: { $0.estimatedBA ?? 0 }) else {
                return fallback("every threshold would flag more than \(percent(settings.fprCap)) of held-out good images")
            }
            let x = chosen.expectation
            return .init(strategy: chosen.name, reason: "highest estimated balanced accuracy \(short(chosen.estimatedBA ?? 0)) (FPR \(percent(x.expectedFPR)) on held-out good images; TPR \(percent(chosen.pooledTPR ?? 0)) on synthetic anomalies pooled over strengths, \(percent(x.estimatedTPR ?? 0)) at full strength; AUROC \(short(separation))\(tieNote(ties))); \(x.guarantee.text)")
        case .maximumFPR(let limit):
            let eligible = candidates.filter { $0.expectation.falseAlarms.upper <= limit && $0.pooledTPR != nil }
            guard let (chosen, ties) = best(eligible, key: { $0.pooledTPR ?? 0 }) else {
                let safest = candidates.min { $0.expectation.falseAlarms.upper < $1.expectation.falseAlarms.upper }
                return .init(strategy: safest?.name ?? "conformal",
                             reason: "no threshold's 95% false-alarm interval lies below \(percent(limit)) with \(calibration.count) held-out good images; the lowest upper end (\(percent(safest?.expectation.falseAlarms.upper ?? 1))) instead; more good images narrow the interval")
            }
            let x = chosen.expectation
            return .init(strategy: chosen.name, reason: "highest estimated TPR \(percent(chosen.pooledTPR ?? 0)) on synthetic anomalies (pooled over strengths) with the false-alarm interval under \(percent(limit)) (estimated FPR \(percent(x.expectedFPR)), at most \(percent(x.falseAlarms.upper)) at 95%\(tieNote(ties))); \(x.guarantee.text)")
        }
    }

    static func short(_ x: Double) -> String { String(format: "%.3g", x) }
    static func percent(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }
}
