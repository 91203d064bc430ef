import Foundation
import LinearAlgebra

extension GaussianKDE {
    /// The log-density computed entirely in `Double` from the original points: the reference the fast route is tested against.
    ///
    /// Each squared Mahalanobis distance is ‖L⁻¹(x − xⱼ)‖², then an exact log-sum-exp.
    /// - Throws: `ScoringError.dimensionMismatch` or `.nonFinite`.
    /// - Complexity: O(m·n·d²); meant for checks, not throughput.
    public func logDensityExact(_ queries: Matrix<Float>) throws(ScoringError) -> [Double] {
        try validate(queries)
        let d = dimension
        let l = factor.lower
        var exponents = [Double](repeating: 0, count: count)
        return (0..<queries.rows).map { q in
            for j in 0..<count {
                let difference = (0..<d).map { Double(queries[q, $0]) - Double(points[j, $0]) }
                let z = solveLowerTriangular(l, difference)
                exponents[j] = -0.5 * z.reduce(0) { $0 + $1 * $1 }
            }
            let top = exponents.max() ?? 0
            let sum = exponents.reduce(0) { $0 + Foundation.exp($1 - top) }
            return top + Foundation.log(sum) + logNormalizer
        }
    }
}
