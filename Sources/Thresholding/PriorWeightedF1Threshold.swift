/// The threshold that maximises F1 as if anomalies made up a stated share `prior` of the data.
///
/// With recall R = TPR and false-positive rate F, precision at prior π is
/// πR / (πR + (1 − π)F), so F1 = 2πR / (π + πR + (1 − π)F). It depends on the
/// class rates only, not the class sizes, so synthetic anomalies can be
/// generated in any number. At π = ½ with equal counts it is plain F1:
/// anomalib's synthetic-validation rule. Ties go to the lowest threshold.
public struct PriorWeightedF1Threshold: Threshold {
    public var reads: ThresholdInput { .normalAndAnomalousScores }
    /// The assumed share of anomalies among inspected samples, in (0, 1).
    public var prior: Double
    public var name: String
    public var targetFPR: Double? { nil }

    public init(prior: Double = 0.5, name: String = "prior-weighted-f1") { (self.prior, self.name) = (prior, name) }

    /// - Complexity: O(n + m) after the radix sort.
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireProbability(prior, name: "prior")
        let sweep = try ScoreSweep(normal: normal, anomalous: anomalous)
        let pi = prior
        // F1 is 0 where recall is 0 or undefined, which keeps every threshold comparable.
        let search = try SupervisedSearch(sweep: sweep, strategy: name) { c in
            let r = c.anomalousCount > 0 ? Double(c.truePositives) / Double(c.anomalousCount) : 0
            let f = c.normalCount > 0 ? Double(c.falsePositives) / Double(c.normalCount) : 0
            return 2 * pi * r / (pi + pi * r + (1 - pi) * f)
        }
        return search.fitted(strategy: name, sweep: sweep, extra: [Detail("prior", prior)])
    }
}
