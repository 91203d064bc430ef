/// One distinct score of a ``ScoreSweep`` and the labelling it gives as a threshold.
public struct SweepPoint: Sendable, Hashable {
    /// The threshold: a score present in the input.
    public var threshold: Double
    /// The confusion counts when every score ≥ ``threshold`` is flagged.
    public var counts: ConfusionCounts

    public init(threshold: Double, counts: ConfusionCounts) {
        self.threshold = threshold
        self.counts = counts
    }
}
