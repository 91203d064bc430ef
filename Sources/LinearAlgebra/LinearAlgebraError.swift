/// Why a decomposition or solve could not be carried out on the given data.
public enum LinearAlgebraError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Cholesky found a pivot that is not positive: the matrix is not positive definite.
    case notPositiveDefinite(pivot: Int, value: Double)
    /// LU found an exactly zero pivot: the matrix is singular.
    case singular(column: Int)
    /// The operation needs a square matrix.
    case notSquare(rows: Int, columns: Int)
    /// An operand has the wrong size.
    case dimensionMismatch(expected: Int, actual: Int)
    /// The input holds NaN or ±infinity.
    case nonFinite
    /// PCA needs more samples than it was given.
    case tooFewSamples(needed: Int, got: Int)
    /// PCA was asked for more components than the data has dimensions or samples.
    case tooManyComponents(requested: Int, available: Int)
    /// A scorer that reads one vector per sample was given a grid of patch vectors.
    case notVectors(sample: Int, height: Int, width: Int)

    public var description: String {
        switch self {
        case let .notPositiveDefinite(pivot, value):
            return "matrix is not positive definite (pivot \(pivot) is \(value))"
        case let .singular(column): return "matrix is singular (zero pivot in column \(column))"
        case let .notSquare(rows, columns): return "matrix is \(rows)×\(columns), not square"
        case let .dimensionMismatch(expected, actual): return "expected dimension \(expected), got \(actual)"
        case .nonFinite: return "input contains NaN or infinity"
        case let .tooFewSamples(needed, got): return "need at least \(needed) samples, got \(got)"
        case let .tooManyComponents(requested, available):
            return "asked for \(requested) components, at most \(available) are available"
        case let .notVectors(sample, height, width):
            return "sample \(sample) is a \(height)×\(width) grid of patch features; this scorer reads one vector per sample"
        }
    }
}
