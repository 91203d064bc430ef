/// The area under the ROC curve: P(a > n) + ½·P(a = n) for a random anomalous score a and normal score n.
///
/// It is the trapezoid area over the distinct-score ROC curve, accumulated in
/// integer counts and divided once, so ties are handled exactly and the result
/// equals a brute-force pair count (2·#greater + #equal) / (2·N·P) to the last bit.
///
/// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` (strategy `"auroc"`)
///   when a class is empty; ``ThresholdError/nonFiniteScore(set:index:value:)``.
/// - Complexity: O(n + m) time (radix sort plus one sweep).
public func auroc(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> Double {
    try auroc(ScoreSweep(normal: normal, anomalous: anomalous))
}

/// The AUROC of `scores`, where `labels[i]` is true for an anomaly.
///
/// - Throws: as ``auroc(normal:anomalous:)``, and for mismatched counts.
/// - Complexity: O(n).
public func auroc(scores: [Double], labels: [Bool]) throws(ThresholdError) -> Double {
    try auroc(ScoreSweep(scores: scores, labels: labels))
}

/// The AUROC of an existing sweep.
///
/// Twice the trapezoid area in units of one normal × one anomalous score is an
/// integer at most 2·N·P, which fits 64 bits for up to 2³¹ scores per class.
///
/// - Complexity: O(n + m).
public func auroc(_ sweep: ScoreSweep) throws(ThresholdError) -> Double {
    // Each step is a trapezoid: width ΔFP, twice its mean height TP + TP'.
    let twiceArea = try sweep.sumOverSteps(metric: "auroc") { looser, stricter in
        (looser.falsePositives - stricter.falsePositives) * (looser.truePositives + stricter.truePositives)
    }
    return Double(twiceArea) / (2 * Double(sweep.normalCount) * Double(sweep.anomalousCount))
}
