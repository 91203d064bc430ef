/// One step of ``PatchCoreScorer``'s work, for a progress bar: `done` of `total` units of `stage`.
///
/// Only the scorer reports these (with the memberwise initialiser), so there is no public one.
public struct PatchCoreProgress: Sendable, Hashable {
    public enum Stage: String, Sendable, Hashable, CustomStringConvertible {
        /// Drawing the random pool of fit patches.
        case pool
        /// Projecting the pool to the selection's dimension.
        case projection
        /// Greedy k-center selection; units are bank patches chosen.
        case coreset
        /// Nearest-neighbour search; units are query patches done.
        case scoring
        /// Drawing anomaly maps; units are samples.
        case maps

        public var description: String { rawValue }
    }

    public let stage: Stage
    public let done: Int
    public let total: Int
}
