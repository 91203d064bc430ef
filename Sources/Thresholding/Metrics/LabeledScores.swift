/// Scores split into normal and anomalous by a parallel array of labels.
///
/// Validation happens on the joined array first, so an error names the index
/// the caller knows rather than a position inside one class.
struct LabeledScores: Sendable {
    /// The scores labelled `false`, in input order.
    var normal: [Double]
    /// The scores labelled `true`, in input order.
    var anomalous: [Double]

    /// Splits `scores` by `labels`, where `true` marks an anomaly.
    ///
    /// - Throws: ``ThresholdError/invalidParameter(name:value:expected:)`` when
    ///   the arrays differ in length; ``ThresholdError/nonFiniteScore(set:index:value:)``
    ///   for a NaN or infinite score.
    /// - Complexity: O(n).
    init(scores: [Double], labels: [Bool]) throws(ThresholdError) {
        guard scores.count == labels.count else {
            throw .invalidParameter(
                name: "labels", value: Double(labels.count),
                expected: "one label per score (\(counted(scores.count, "score")))")
        }
        try requireFinite(scores, set: "scores")
        var normal: [Double] = []
        var anomalous: [Double] = []
        let anomalousCount = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        normal.reserveCapacity(scores.count - anomalousCount)
        anomalous.reserveCapacity(anomalousCount)
        for (score, isAnomalous) in zip(scores, labels) {
            if isAnomalous { anomalous.append(score) } else { normal.append(score) }
        }
        self.normal = normal
        self.anomalous = anomalous
    }
}
