/// Average precision as scikit-learn and torchmetrics define it: Σ (R_k − R_{k−1})·P_k, no interpolation.
///
/// The sum runs over the distinct scores from the highest down, with R_0 = 0,
/// so each threshold's precision is weighted by the recall it adds. Tied
/// scores form one threshold. Unlike the trapezoid area under the PR curve, it
/// does not reward linear interpolation between points.
///
/// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` (strategy
///   `"average-precision"`) when a class is empty; ``ThresholdError/nonFiniteScore(set:index:value:)``.
/// - Complexity: O(n + m) time (radix sort plus one sweep).
public func averagePrecision(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> Double {
    try averagePrecision(ScoreSweep(normal: normal, anomalous: anomalous))
}

/// The average precision of `scores`, where `labels[i]` is true for an anomaly.
///
/// - Throws: as ``averagePrecision(normal:anomalous:)``, and for mismatched counts.
/// - Complexity: O(n).
public func averagePrecision(scores: [Double], labels: [Bool]) throws(ThresholdError) -> Double {
    try averagePrecision(ScoreSweep(scores: scores, labels: labels))
}

/// The average precision of an existing sweep.
///
/// - Complexity: O(n + m).
public func averagePrecision(_ sweep: ScoreSweep) throws(ThresholdError) -> Double {
    // Each step adds the recall ΔTP / P at the looser threshold's precision; a step that adds no
    // recall adds an exact 0 (its precision may be undefined, so it is not multiplied).
    let weightedSum = try sweep.sumOverSteps(metric: "average-precision") { looser, stricter in
        looser.truePositives > stricter.truePositives
            ? Double(looser.truePositives - stricter.truePositives) * looser.precision : 0
    }
    return weightedSum / Double(sweep.anomalousCount)
}
