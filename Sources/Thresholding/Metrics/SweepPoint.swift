/// One distinct score of a ``ScoreSweep`` and the labelling it gives as a threshold.
///
/// Only a sweep makes these (with the memberwise initialiser), so there is no public one.
public struct SweepPoint: Sendable, Hashable {
    /// The threshold: a score present in the input.
    public var threshold: Double
    /// The confusion counts when every score ≥ ``threshold`` is flagged.
    public var counts: ConfusionCounts
}
