/// The threshold a supervised strategy picks: the lowest distinct score that maximises an exact objective.
///
/// Shared by ``AdaptiveF1Threshold``, ``BestBalancedAccuracyThreshold`` and
/// ``PriorWeightedF1Threshold``, so all follow anomalib 2.7's rules: the first maximum over ascending
/// thresholds (ties go to the lowest), and fixed answers when a class is empty.
struct SupervisedSearch: Sendable {
    /// The chosen threshold and its confusion counts on the fitted scores.
    var point: SweepPoint
    /// Caveats for the user, e.g. that only one class was present.
    var warnings: [String]

    /// Searches `sweep` for the first maximum of `objective`.
    ///
    /// Exact objectives (``ExactRatio``) keep ties exact; a real-valued one
    /// (a Double) is for objectives with real parameters, such as a prior.
    ///
    /// - No anomalous scores: the highest normal score, so only it and anything
    ///   above it is flagged (anomalib ≥ 2.7; older versions flagged everything).
    /// - No normal scores: the lowest anomalous score, flagging every one.
    /// - Throws: ``ThresholdError/tooFewScores(strategy:needed:got:reason:)`` when
    ///   both classes are empty.
    /// - Complexity: O(number of distinct scores).
    init<Value: Comparable>(
        sweep: ScoreSweep, strategy: String, objective: (ConfusionCounts) -> Value
    ) throws(ThresholdError) {
        var best: SweepPoint?
        var bestValue: Value?
        var lowest: SweepPoint?
        var highest: SweepPoint?
        sweep.forEachPoint { point in
            let value = objective(point.counts)
            // Strictly greater: an equal value at a higher threshold never displaces the lower one.
            if bestValue.map({ $0 < value }) ?? true {
                best = point
                bestValue = value
            }
            if lowest == nil { lowest = point }
            highest = point
        }
        guard let best, let lowest, let highest else {
            throw .tooFewScores(
                strategy: strategy, needed: 1, got: 0,
                reason: "it needs at least one normal or anomalous score")
        }
        if sweep.anomalousCount == 0 {
            point = highest
            warnings = [
                "no anomalous scores: returned the highest normal score (\(messageNumber(highest.threshold))), "
                    + "so only scores at or above it are flagged"
            ]
        } else if sweep.normalCount == 0 {
            point = lowest
            warnings = ["no normal scores: returned the lowest anomalous score, so every one of them is flagged"]
        } else {
            point = best
            warnings = []
        }
    }
}

extension SupervisedSearch {
    /// The search's answer as a fitted threshold with no target rate: details `n_normal` and
    /// `n_anomalous` of `sweep`, then `extra`, with the search's warnings. One builder keeps the
    /// supervised strategies' report rows in the same order.
    func fitted(strategy: String, sweep: ScoreSweep, extra: [Detail]) -> FittedThreshold {
        FittedThreshold(
            strategy: strategy, value: point.threshold, targetFPR: nil,
            details: [Detail("n_normal", sweep.normalCount), Detail("n_anomalous", sweep.anomalousCount)] + extra,
            warnings: warnings)
    }
}
