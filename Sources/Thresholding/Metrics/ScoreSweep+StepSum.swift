extension ScoreSweep {
    /// Σ `term(looser, stricter)` over consecutive thresholds (see ``forEachStep(_:)``), for a
    /// summary metric that needs both classes: the form AUROC and average precision share.
    /// - Throws: ``ThresholdError/unavailable(strategy:reason:)`` naming `metric` when a class is empty.
    /// - Complexity: O(number of distinct scores).
    func sumOverSteps<Term: AdditiveArithmetic>(
        metric: String, _ term: (_ looser: ConfusionCounts, _ stricter: ConfusionCounts) -> Term
    ) throws(ThresholdError) -> Term {
        try requireBothClasses(metric: metric)
        var sum = Term.zero
        forEachStep { looser, stricter in sum += term(looser, stricter) }
        return sum
    }
}
