import LinearAlgebra

/// What ``PatchCoreScorer`` learns: the memory bank, and how well it covers the fit patches.
///
/// Everything a detector file must hold to restore the scorer bit for bit, with the settings.
public struct PatchCoreModel: Sendable, Hashable {
    /// The bank: one fit patch per row, in the order greedy selection chose them.
    public let bank: Matrix<Float>
    /// The greedy selection's covering radius: every pool patch lies within this Euclidean distance of a
    /// bank patch, measured in the selection's space (the random projection, when there is one).
    public let coveringRadius: Double
    /// The number of fit patches seen, and how many of them formed the pool.
    public let patchCount: Int
    public let poolCount: Int

    public init(bank: Matrix<Float>, coveringRadius: Double, patchCount: Int, poolCount: Int) {
        self.bank = bank
        self.coveringRadius = coveringRadius
        self.patchCount = patchCount
        self.poolCount = poolCount
    }
}
