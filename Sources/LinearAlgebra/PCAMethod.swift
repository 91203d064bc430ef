/// How `PrincipalComponents` finds the top-k right-singular subspace of the centred data.
public enum PCAMethod: Sendable, Hashable {
    /// Picks by shape; see `PCAMethod.automatic(rows:columns:components:)`.
    case automatic
    /// Eigen-decomposition of the N×N Gram matrix XcXcᵀ in `Double`: exact, for N < D.
    case gram
    /// Eigen-decomposition of the D×D covariance in `Double`: exact, for moderate D.
    case covariance
    /// Seeded randomized block Krylov iteration (Halko, Martinsson & Tropp 2011, §4.5) with
    /// Rayleigh–Ritz every step, in `Float` GEMMs: for large N·D. Never forms an N×N or D×D matrix.
    case randomized(RandomizedPCAOptions)

    /// The route `.automatic` takes for an N×D matrix and k components.
    ///
    /// Gram when N < D and N ≤ 700, covariance when D ≤ 256 (both exact, with an n³
    /// eigen-solve that stays under about 0.3 s), the randomized route otherwise.
    public static func automatic(rows: Int, columns: Int, components: Int) -> PCAMethod {
        if rows < columns && rows <= 700 { return .gram }
        if columns <= 256 { return .covariance }
        return .randomized(RandomizedPCAOptions())
    }
}

/// Tuning of the randomized route; the defaults reach principal angles of about 1e-6 on CNN features.
public struct RandomizedPCAOptions: Sendable, Hashable {
    /// Extra vectors per block beyond k (a block has l = k + oversampling rows).
    public var oversampling: Int
    /// Upper bound on Krylov blocks, each one pass of XcᵀXc over the data.
    public var maxIterations: Int
    /// Stop once the estimated sine of the largest principal angle to the true subspace is below this.
    public var tolerance: Double
    /// Seed of the Gaussian start block.
    public var seed: UInt64

    /// Creates options; see the properties.
    public init(oversampling: Int = 4, maxIterations: Int = 40, tolerance: Double = 1e-5, seed: UInt64 = 0) {
        precondition(oversampling >= 0 && maxIterations >= 1 && tolerance > 0, "invalid randomized PCA options")
        self.oversampling = oversampling
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
    }
}
