/// Everything ThresholdKit says about one score: its label and the numbers beside it.
public struct ScoreExplanation: Sendable, Hashable {
    public var score: Double
    /// True when `score ≥ threshold`.
    public var isAnomalous: Bool
    /// The conformal p-value against the calibration scores, if there are any.
    public var pValue: Double?
    /// anomalib's normalised score, with the threshold at 0.5.
    public var normalized: Double
    /// Whether Benjamini–Hochberg selects this score at the requested FDR, if one was requested.
    public var selectedAtFDR: Bool?
}

extension FittedThreshold {
    /// Labels a batch of scores and explains each one.
    ///
    /// - Parameters:
    ///   - scores: the scores to label.
    ///   - calibration: normal scores for p-values (empty: no p-values).
    ///   - normalization: the min–max map; by default the range of `calibration`.
    ///   - fdr: a false-discovery rate for Benjamini–Hochberg over this batch, or nil.
    public func explain(
        _ scores: [Double], calibration: [Double] = [], normalization: ScoreNormalization? = nil, fdr: Double? = nil
    ) throws(ThresholdError) -> [ScoreExplanation] {
        try requireFinite(scores, set: "input")
        let pv: ConformalPValues? = calibration.isEmpty ? nil : try ConformalPValues(calibration: calibration)
        let norm = normalization ?? ScoreNormalization(threshold: value, fittedOn: calibration)
        let pValues = pv?.pValues(scores)
        var bh: [Bool]?
        if let fdr {
            guard let pValues else {
                throw .unavailable(strategy: "benjamini-hochberg", reason: "an FDR needs calibration scores for p-values")
            }
            bh = try BenjaminiHochberg.select(pValues: pValues, q: fdr).selected
        }
        return scores.indices.map { i in
            ScoreExplanation(
                score: scores[i], isAnomalous: isAnomalous(scores[i]), pValue: pValues?[i],
                normalized: norm.normalized(scores[i]), selectedAtFDR: bh?[i])
        }
    }
}
