import LinearAlgebra
import Randomness

/// A seeded Gaussian random projection, as scikit-learn's `GaussianRandomProjection`: entries N(0, 1/k).
///
/// By Johnson–Lindenstrauss, distances between n points keep their size within a factor
/// 1 ± ε with high probability once k ≳ 8 ln n / ε², and on average at any k. PatchCore
/// runs its greedy selection in such a projection because the selection's cost is linear in k.
public struct GaussianRandomProjection: Sendable, Hashable {
    /// The d × k matrix; `project(x)` is x·matrix.
    public let matrix: Matrix<Float>

    /// Draws the d × k matrix from `generator`.
    /// - Precondition: d, k ≥ 1.
    /// - Complexity: O(d × k).
    public init(inputDimension d: Int, outputDimension k: Int, using generator: inout SeededGenerator) {
        precondition(d >= 1 && k >= 1, "projection dimensions must be positive")
        let scale = 1 / Double(k).squareRoot()
        matrix = Matrix(rows: d, columns: k, elements: (0..<(d * k)).map { _ in Float(generator.nextGaussian() * scale) })
    }

    /// The rows of `x` projected (n × k).
    /// - Complexity: O(n × d × k), one matrix product.
    public func project(_ x: Matrix<Float>) -> Matrix<Float> { Matrix.product(x, matrix) }
}
