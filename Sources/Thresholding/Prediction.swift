/// Everything ThresholdKit says about one sample: its score, its label and the numbers beside it.
///
/// The one result type of a prediction, whether it comes from a fitted threshold on scores
/// (`FittedThreshold.predict`) or from a whole detector on features or images.
public struct Prediction: Sendable, Hashable {
    /// The raw anomaly score; higher is more anomalous.
    public var score: Double
    /// True when `score ≥ threshold`.
    public var isAnomalous: Bool
    /// The cut-off this label used.
    public var threshold: Double
    /// The conformal p-value against the calibration scores; nil without calibration scores.
    public var pValue: Double?
    /// anomalib's normalised score in [0, 1], with the threshold at 0.5.
    public var normalized: Double
    /// Whether Benjamini–Hochberg selects this sample at the requested FDR over its batch; nil if none was requested.
    public var selectedAtFDR: Bool?
    /// The log-density (= −score) when the scorer is a density estimate (KDE); nil otherwise.
    public var logLikelihood: Double?

    public init(score: Double, isAnomalous: Bool, threshold: Double, pValue: Double?, normalized: Double,
                selectedAtFDR: Bool? = nil, logLikelihood: Double? = nil) {
        (self.score, self.isAnomalous, self.threshold) = (score, isAnomalous, threshold)
        (self.pValue, self.normalized, self.selectedAtFDR, self.logLikelihood) = (pValue, normalized, selectedAtFDR, logLikelihood)
    }
}

extension FittedThreshold {
    /// Labels a batch of scores and explains each one.
    ///
    /// - Parameters:
    ///   - scores: the scores to label.
    ///   - calibration: normal scores for p-values (empty: no p-values).
    ///   - normalization: the min–max map; by default the range of `calibration`.
    ///   - fdr: a false-discovery rate for Benjamini–Hochberg over this batch, or nil.
    /// - Throws: ``ThresholdError`` for a non-finite score, or an FDR without calibration scores.
    /// - Complexity: O((n + m) log(n + m)) for n scores and m calibration scores.
    public func predict(
        _ scores: [Double], calibration: [Double] = [], normalization: ScoreNormalization? = nil, fdr: Double? = nil
    ) throws(ThresholdError) -> [Prediction] {
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
            Prediction(score: scores[i], isAnomalous: isAnomalous(scores[i]), threshold: value, pValue: pValues?[i],
                       normalized: norm.normalized(scores[i]), selectedAtFDR: bh?[i])
        }
    }
}
