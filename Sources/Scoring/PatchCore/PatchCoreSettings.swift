/// What ``PatchCoreScorer`` is told before fitting; stored beside its bank so a restored scorer scores identically.
///
/// The defaults are the probe of ANCHORS.md: a seeded pool of at most 60,000 patches, thinned by
/// greedy k-center to 10% (at most 10,000) on a 64-d Gaussian projection; image score = the
/// largest patch distance; maps blurred with σ = 4 px at 256 px.
public struct PatchCoreSettings: Sendable, Hashable, Codable {
    /// At most this many fit patches, drawn at random without replacement, enter the coreset selection.
    public var poolSize: Int
    /// The bank keeps ⌊pool × fraction⌋ patches (at least 1, at most ``bankCap``), in (0, 1].
    public var coresetFraction: Double
    /// The largest memory bank; queries cost O(bank rows) each.
    public var bankCap: Int
    /// The dimension of the Gaussian random projection the greedy selection measures distances in;
    /// 0, or at least the feature dimension, selects on the features themselves.
    public var projectionDimension: Int
    /// anomalib's `num_neighbors`: 1 scores an image by its largest patch distance; b > 1 re-weights that
    /// distance by the density of the bank around its nearest neighbour (see ``NeighbourhoodReweighting``).
    /// anomalib's default is 9; the probe used 1.
    public var reweightingNeighbours: Int
    /// The blur of the anomaly map, in pixels at a 256-pixel input; it scales with the shorter side of
    /// the map (σ = blurSigma · side / 256). 0 turns the blur off.
    public var blurSigma: Double
    /// Seeds the pool, the projection and the greedy selection's first centre.
    public var seed: UInt64

    public init(poolSize: Int = 60_000, coresetFraction: Double = 0.1, bankCap: Int = 10_000, projectionDimension: Int = 64,
                reweightingNeighbours: Int = 1, blurSigma: Double = 4, seed: UInt64 = 0) {
        self.poolSize = poolSize
        self.coresetFraction = coresetFraction
        self.bankCap = bankCap
        self.projectionDimension = projectionDimension
        self.reweightingNeighbours = reweightingNeighbours
        self.blurSigma = blurSigma
        self.seed = seed
    }

    /// The bank size greedy selection aims for from a pool of `poolCount` patches.
    /// - Complexity: O(1).
    public func bankSize(poolCount: Int) -> Int {
        min(bankCap, max(1, Int((Double(poolCount) * coresetFraction).rounded(.down))), poolCount)
    }

    /// - Throws: ``ScoringError/invalidConfiguration(_:)`` naming the first value out of range.
    func validate() throws(ScoringError) {
        guard poolSize >= 1 else { throw .invalidConfiguration("poolSize must be at least 1, got \(poolSize)") }
        guard coresetFraction > 0, coresetFraction <= 1 else {
            throw .invalidConfiguration("coresetFraction must be in (0, 1], got \(coresetFraction)")
        }
        guard bankCap >= 1 else { throw .invalidConfiguration("bankCap must be at least 1, got \(bankCap)") }
        guard projectionDimension >= 0 else {
            throw .invalidConfiguration("projectionDimension must be 0 or more, got \(projectionDimension)")
        }
        guard reweightingNeighbours >= 1 else {
            throw .invalidConfiguration("reweightingNeighbours must be at least 1, got \(reweightingNeighbours)")
        }
        guard blurSigma >= 0, blurSigma <= 256 else {
            throw .invalidConfiguration("blurSigma must be in [0, 256], got \(blurSigma)")
        }
    }
}
