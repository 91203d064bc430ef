import ArrayFormats
import LinearAlgebra

/// Why a scorer could not be fitted or could not score, naming the offending value.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fitting needs more good samples than were given.
    case tooFewSamples(needed: Int, got: Int)
    /// Fitting needs more feature dimensions than the samples have (e.g. more PCA components than features).
    case tooFewFeatures(needed: Int, got: Int)
    /// Samples have a different number of features from the ones the scorer was fitted on.
    case dimensionMismatch(expected: Int, got: Int)
    /// A sample holds NaN or ±infinity.
    case nonFinite(row: Int, column: Int)
    /// The training covariance is not positive definite: some features are (numerically) linearly dependent.
    case notPositiveDefinite(pivot: Int)
    /// `score` was called before `fit`.
    case notFitted
    /// A configuration value is out of range or unknown.
    case invalidConfiguration(String)
    /// A scorer that reads one vector per sample was given a grid of patch vectors.
    case notVectors(sample: Int, height: Int, width: Int)
    /// A stored scorer's record has a missing or malformed field.
    case archive(ArchiveFieldError)
    /// A stored scorer names a kind no registry entry restores.
    case unknownKind(String, known: [String])
    /// A stored memory bank has more rows than the settings' cap allows.
    case bankOverCap(rows: Int, cap: Int)

    public var description: String {
        switch self {
        case let .tooFewSamples(needed, got): return "need at least \(needed) good samples to fit, got \(got)"
        case let .tooFewFeatures(needed, got): return "need at least \(needed) features per sample, got \(got)"
        case let .dimensionMismatch(expected, got):
            return "samples have \(got) features, the scorer was fitted on \(expected)"
        case let .nonFinite(row, column): return "sample \(row), feature \(column) is NaN or infinite"
        case let .notPositiveDefinite(pivot):
            return "training covariance is not positive definite (pivot \(pivot)): features are linearly dependent"
        case .notFitted: return "the scorer has not been fitted"
        case let .invalidConfiguration(reason): return "invalid configuration: \(reason)"
        case let .notVectors(sample, height, width):
            return "sample \(sample) is a \(height)×\(width) grid of patch features; this scorer reads one vector per sample"
        case let .archive(error): return error.description
        case let .unknownKind(kind, known):
            return "scorer kind \"\(kind)\" is unknown to this build (it restores \(known.joined(separator: ", ")))"
        case let .bankOverCap(rows, cap): return "the memory bank has \(rows) patches, more than the cap of \(cap)"
        }
    }
}
