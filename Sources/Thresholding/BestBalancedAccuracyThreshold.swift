/// The score that maximises balanced accuracy (TPR + TNR)/2, i.e. Youden's J, on labelled scores.
///
/// Every distinct score is a candidate and a score ≥ t is predicted anomalous.
/// Candidates are compared exactly as TP·N + TN·P (balanced accuracy times the
/// constant 2NP), and ties go to the lowest threshold. The one-class rules are
/// those of ``AdaptiveF1Threshold``: no anomalous scores gives the highest
/// score, no normal scores the lowest.
///
/// Unlike F1 it weighs both classes equally whatever their sizes, so it does not
/// drift towards flagging everything on defect-heavy sets. With test labels it
/// is the oracle; with synthetic anomalies as `anomalous` it needs no real defect.
public struct BestBalancedAccuracyThreshold: Threshold {
    public var reads: ThresholdInput { .normalAndAnomalousScores }
    /// The key in reports, `"best-balanced-accuracy"` unless renamed (e.g. `"oracle-best-balanced-accuracy"`).
    public var name: String
    /// nil: the balanced-accuracy optimum states no false-alarm rate.
    public var targetFPR: Double? { nil }

    public init(name: String = "best-balanced-accuracy") { self.name = name }

    /// Fits the balanced-accuracy-optimal threshold.
    ///
    /// Details: `n_normal`, `n_anomalous`, and `balanced_accuracy` on the fitted
    /// scores; the last is left out when a class is empty, where it is undefined.
    ///
    /// - Throws: ``ThresholdError/nonFiniteScore(set:index:value:)``;
    ///   ``ThresholdError/tooFewScores(strategy:needed:got:reason:)`` when both sets are empty.
    /// - Complexity: O(n + m) time (radix sort plus one sweep), O(n + m) memory.
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        let sweep = try ScoreSweep(normal: normal, anomalous: anomalous)
        let search = try SupervisedSearch(sweep: sweep, strategy: name) { $0.balancedAccuracyRatio }
        // Undefined (NaN) when a class is empty, so left out rather than written as NaN.
        let accuracy = search.point.counts.balancedAccuracy
        return search.fitted(strategy: name, sweep: sweep, extra: accuracy.isNaN ? [] : [Detail("balanced_accuracy", accuracy)])
    }
}
