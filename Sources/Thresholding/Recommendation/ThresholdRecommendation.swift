import Foundation

/// Picks the unsupervised threshold to recommend, with a one-line reason.
///
/// The procedure uses only what an unsupervised user has: every good-only strategy's
/// cross-fitted false-alarm rate on held-out good scores (with its 95% Clopper–Pearson
/// interval) and its detection rate on synthetic anomalies (``ThresholdExpectation``).
/// 1. **Trust.** The synthetic estimates count only when the scorer separates synthetic
///    anomalies from held-out good images (AUROC ≥ ``minimumSyntheticAUROC``); below that
///    the TPR estimates are noise, and the recommendation falls back to `conformal`,
///    whose false-alarm bound holds for any scores.
/// 2. **Guard rail.** A threshold whose estimated FPR exceeds ``maximumEstimatedFPR`` is never
///    recommended, whatever its estimated balanced accuracy.
/// 3. **Objective.** By default the highest estimated balanced accuracy; with
///    ``RecommendationObjective/maximumFPR(_:)`` the highest estimated TPR among thresholds
///    whose FPR interval's upper end is at most F. Ties go to a threshold with a proved
///    bound, then to the lower FPR, then to the earlier strategy in the registry.
///
/// The constants were checked leave-one-set-out on the README's validation table (bottle,
/// magnetic tile, the demo set and synthetic score benchmarks, with kde, svdd and patchcore).
public struct ThresholdRecommendation: Sendable, Hashable {
    /// The key of the chosen strategy.
    public var strategy: String
    /// Why, in one line, with the estimates behind it.
    public var reason: String

    public init(strategy: String, reason: String) {
        self.strategy = strategy
        self.reason = reason
    }

    /// Below this synthetic AUROC the synthetic TPR estimates are not used.
    public static let minimumSyntheticAUROC = 0.75
    /// No recommended threshold may flag more than this share of held-out good images (estimate).
    public static let maximumEstimatedFPR = 0.25

    /// One candidate and its estimates.
    struct Candidate {
        var name: String
        var expectation: ThresholdExpectation
        var order: Int
    }

    /// The recommendation among `fitted`, good-only thresholds carrying their expectations
    /// (``Threshold/fitWithExpectation(normal:anomalous:folds:)``), in registry order.
    ///
    /// - Parameters:
    ///   - fitted: the candidates; manual ones and any without an expectation are skipped.
    ///   - calibrationCount: how many held-out good scores the estimates used, for the reason.
    ///   - syntheticAUROC: how well the scorer separates synthetic anomalies from held-out
    ///     good images; nil without synthetic anomalies.
    ///   - objective: what to maximise.
    /// - Complexity: O(s) for s candidates.
    public static func choose(_ fitted: [FittedThreshold], calibrationCount: Int, syntheticAUROC: Double?,
                              objective: RecommendationObjective = .balancedAccuracy) -> ThresholdRecommendation {
        let candidates = fitted.enumerated().compactMap { i, f -> Candidate? in
            guard let x = f.expectation, f.strategy != "manual", x.anomalySource == "synthetic anomalies" else { return nil }
            return Candidate(name: f.strategy, expectation: x, order: i)
        }
        let conformal = candidates.first { $0.name == "conformal" }
        func fallback(_ why: String) -> ThresholdRecommendation {
            if let c = conformal {
                return .init(strategy: c.name, reason: "\(why), so the distribution-free false-alarm bound is the safer choice: \(c.expectation.guarantee.text)")
            }
            let safest = candidates.min { ($0.expectation.falseAlarms.upper, $0.order) < ($1.expectation.falseAlarms.upper, $1.order) }
            return .init(strategy: safest?.name ?? "mad",
                         reason: "\(why), and conformal cannot be fitted at this α; the lowest estimated false-alarm rate instead")
        }
        guard let auroc = syntheticAUROC, candidates.contains(where: { $0.expectation.detections != nil }) else {
            return fallback("no synthetic anomalies to estimate detection rates")
        }
        guard auroc >= minimumSyntheticAUROC else {
            return fallback("synthetic anomalies barely separate from held-out good images (AUROC \(short(auroc)) < \(short(minimumSyntheticAUROC))), so detection-rate estimates cannot be trusted")
        }
        func better(_ a: Candidate, _ b: Candidate, key: (Candidate) -> Double) -> Bool {
            if key(a) != key(b) { return key(a) > key(b) }
            if a.expectation.guarantee.isGuarantee != b.expectation.guarantee.isGuarantee { return a.expectation.guarantee.isGuarantee }
            if a.expectation.expectedFPR != b.expectation.expectedFPR { return a.expectation.expectedFPR < b.expectation.expectedFPR }
            return a.order < b.order
        }
        switch objective {
        case .balancedAccuracy:
            let eligible = candidates.filter { $0.expectation.expectedFPR <= maximumEstimatedFPR && $0.expectation.detections != nil }
            guard let best = eligible.min(by: { better($0, $1) { $0.expectation.estimatedBalancedAccuracy ?? 0 } }) else {
                return fallback("every threshold would flag more than \(percent(maximumEstimatedFPR)) of held-out good images")
            }
            let x = best.expectation
            return .init(strategy: best.name, reason: "highest estimated balanced accuracy \(short(x.estimatedBalancedAccuracy ?? 0)) (estimated FPR \(percent(x.expectedFPR)) on held-out good images, TPR \(percent(x.estimatedTPR ?? 0)) on synthetic anomalies, AUROC \(short(auroc))); \(x.guarantee.text)")
        case .maximumFPR(let limit):
            let eligible = candidates.filter { $0.expectation.falseAlarms.upper <= limit && $0.expectation.detections != nil }
            guard let best = eligible.min(by: { better($0, $1) { $0.expectation.estimatedTPR ?? 0 } }) else {
                let safest = candidates.min { ($0.expectation.falseAlarms.upper, $0.order) < ($1.expectation.falseAlarms.upper, $1.order) }
                return .init(strategy: safest?.name ?? "conformal",
                             reason: "no threshold's 95% false-alarm interval lies below \(percent(limit)) with \(calibrationCount) held-out good images; the lowest upper end (\(percent(safest?.expectation.falseAlarms.upper ?? 1))) instead; more good images narrow the interval")
            }
            let x = best.expectation
            return .init(strategy: best.name, reason: "highest estimated TPR \(percent(x.estimatedTPR ?? 0)) on synthetic anomalies with the false-alarm interval under \(percent(limit)) (estimated FPR \(percent(x.expectedFPR)), at most \(percent(x.falseAlarms.upper)) at 95%); \(x.guarantee.text)")
        }
    }

    static func short(_ x: Double) -> String { String(format: "%.3g", x) }
    static func percent(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }
}
