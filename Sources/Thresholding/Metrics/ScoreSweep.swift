/// Normal and anomalous scores sorted once, swept as a threshold over every distinct score.
///
/// The sweep is the one mechanism behind every metric and supervised search in
/// ThresholdKit: ROC and PR curves, AUROC, average precision, and the adaptive-F1
/// and balanced-accuracy thresholds. Each class is radix-sorted on its own and the
/// two are merged on the fly, so a point is produced for each distinct score t, in
/// ascending order, with TP = #{anomalous ≥ t} and FP = #{normal ≥ t}. Equal
/// scores, including −0.0 and +0.0, form one point, which is what makes every
/// metric exact with ties.
public struct ScoreSweep: Sendable {
    /// The normal scores, ascending.
    public let sortedNormal: [Double]
    /// The anomalous scores, ascending.
    public let sortedAnomalous: [Double]

    /// Validates and sorts both classes.
    ///
    /// - Throws: ``ThresholdError/nonFiniteScore(set:index:value:)`` for a NaN or
    ///   infinite score, naming the set (`normal` or `anomalous`) and index.
    /// - Complexity: O(n + m) time (radix sort), O(n + m) memory.
    public init(normal: [Double], anomalous: [Double]) throws(ThresholdError) {
        try requireFinite(normal, set: "normal")
        try requireFinite(anomalous, set: "anomalous")
        sortedNormal = normal.radixSorted()
        sortedAnomalous = anomalous.radixSorted()
    }

    /// Validates and sorts `scores` split by `labels`, where `true` marks an anomaly.
    ///
    /// - Throws: as ``init(normal:anomalous:)``, with indices into `scores`, and
    ///   ``ThresholdError/invalidParameter(name:value:expected:)`` when the counts differ.
    /// - Complexity: O(n) time and memory.
    public init(scores: [Double], labels: [Bool]) throws(ThresholdError) {
        let split = try LabeledScores(scores: scores, labels: labels)
        try self.init(normal: split.normal, anomalous: split.anomalous)
    }

    /// The number of normal scores, N.
    public var normalCount: Int { sortedNormal.count }
    /// The number of anomalous scores, P.
    public var anomalousCount: Int { sortedAnomalous.count }
    /// The lowest score of either class, or nil when both are empty.
    public var lowestScore: Double? {
        switch (sortedNormal.first, sortedAnomalous.first) {
        case let (n?, a?): return Swift.min(n, a)
        case let (n, a): return n ?? a
        }
    }
    /// The highest score of either class, or nil when both are empty.
    public var highestScore: Double? {
        switch (sortedNormal.last, sortedAnomalous.last) {
        case let (n?, a?): return Swift.max(n, a)
        case let (n, a): return n ?? a
        }
    }

    /// Calls `body` with each distinct score, ascending, and the counts it gives as a threshold.
    ///
    /// - Complexity: O(n + m), no allocation.
    public func forEachPoint(_ body: (SweepPoint) -> Void) {
        sortedNormal.withUnsafeBufferPointer { normal in
            sortedAnomalous.withUnsafeBufferPointer { anomalous in
                let n = normal.count
                let p = anomalous.count
                var i = 0
                var j = 0
                while i < n || j < p {
                    let t: Double
                    if j == p || (i < n && normal[i] <= anomalous[j]) {
                        t = normal[i]
                    } else {
                        t = anomalous[j]
                    }
                    // Everything before i (j) is below t, so the rest is at or above it.
                    body(
                        SweepPoint(
                            threshold: t,
                            counts: ConfusionCounts(
                                truePositives: p - j, falsePositives: n - i,
                                trueNegatives: i, falseNegatives: j)))
                    // `==` rather than bit equality, so −0.0 and +0.0 are one score.
                    while i < n && normal[i] == t { i += 1 }
                    while j < p && anomalous[j] == t { j += 1 }
                }
            }
        }
    }

    /// Calls `body` with the counts on either side of each step between neighbouring thresholds,
    /// from the loosest up; the last step runs from the strictest score to +∞, where nothing is flagged.
    ///
    /// Areas under curves are sums over these steps: each step's width is what
    /// the looser threshold adds over the stricter one.
    /// - Complexity: O(n + m), no allocation.
    func forEachStep(_ body: (_ looser: ConfusionCounts, _ stricter: ConfusionCounts) -> Void) {
        var looser: ConfusionCounts?
        forEachPoint { point in
            if let looser { body(looser, point.counts) }
            looser = point.counts
        }
        if let looser {
            body(looser, ConfusionCounts(truePositives: 0, falsePositives: 0,
                                         trueNegatives: normalCount, falseNegatives: anomalousCount))
        }
    }

    /// Every point of the sweep, ascending by threshold.
    ///
    /// - Complexity: O(n + m).
    public var points: [SweepPoint] {
        var points: [SweepPoint] = []
        forEachPoint { points.append($0) }
        return points
    }

    /// Throws unless both classes have at least one score; curves and their areas need both.
    func requireBothClasses(metric: String) throws(ThresholdError) {
        switch (normalCount, anomalousCount) {
        case (0, 0):
            throw .unavailable(strategy: metric, reason: "there are no scores; it needs normal and anomalous scores")
        case (0, _):
            throw .unavailable(strategy: metric, reason: "there are no normal scores; it needs both classes")
        case (_, 0):
            throw .unavailable(strategy: metric, reason: "there are no anomalous scores; it needs both classes")
        default:
            return
        }
    }
}
