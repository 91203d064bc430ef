/// Why a threshold could not be fitted; every case names what was wrong.
public enum ThresholdError: Error, Sendable, Hashable {
    /// A score is NaN or infinite; `index` is its position in the input.
    case nonFiniteScore(set: String, index: Int, value: Double)
    /// The strategy needs more scores than it was given.
    case tooFewScores(strategy: String, needed: Int, got: Int, reason: String)
    /// A parameter is outside its valid range.
    case invalidParameter(name: String, value: Double, expected: String)
    /// The scores have no spread (all equal, or zero MAD/IQR/σ) where one is needed.
    case noSpread(strategy: String, reason: String)
    /// The strategy does not apply to these scores.
    case unavailable(strategy: String, reason: String)
    /// A result (the threshold, σ, …) lies beyond the range of a Double although every score is finite.
    case notRepresentable(strategy: String, reason: String)
}

extension ThresholdError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .nonFiniteScore(set, index, value):
            return "\(set) score at index \(index) is \(value); scores must be finite numbers"
        case let .tooFewScores(strategy, needed, got, reason):
            return "\(strategy): need at least \(counted(needed, "score")), got \(got)" + (reason.isEmpty ? "" : " (\(reason))")
        case let .invalidParameter(name, value, expected):
            return "\(name) = \(messageNumber(value)) is out of range: expected \(expected)"
        case let .noSpread(strategy, reason):
            return "\(strategy): \(reason)"
        case let .unavailable(strategy, reason):
            return "\(strategy) is unavailable: \(reason)"
        case let .notRepresentable(strategy, reason):
            return "\(strategy): \(reason)"
        }
    }
}

/// Throws if any score is NaN or ±inf.
@usableFromInline
func requireFinite(_ scores: [Double], set: String) throws(ThresholdError) {
    for (i, s) in scores.enumerated() where !s.isFinite {
        throw .nonFiniteScore(set: set, index: i, value: s)
    }
}

/// Throws unless the normal scores are all finite and there are at least `needed` of them.
///
/// - Parameter reason: why the strategy needs that many, e.g. "quartiles need two scores".
func requireNormalScores(_ normal: [Double], atLeast needed: Int, strategy: String, reason: String) throws(ThresholdError) {
    try requireFinite(normal, set: "normal")
    guard normal.count >= needed else {
        throw .tooFewScores(strategy: strategy, needed: needed, got: normal.count, reason: reason)
    }
}

/// Throws unless a parameter such as k or a number of σ is finite.
func requireFinite(_ value: Double, name: String) throws(ThresholdError) {
    guard value.isFinite else { throw .invalidParameter(name: name, value: value, expected: "a finite number") }
}

/// Throws unless `alpha` is in the open interval (0, 1).
func requireProbability(_ value: Double, name: String) throws(ThresholdError) {
    guard value > 0, value < 1 else {
        throw .invalidParameter(name: name, value: value, expected: "a number in (0, 1)")
    }
}

/// The error for a threshold that must lie just above a score equal to the largest Double, which has no next value.
func justAboveTheLargestDouble(strategy: String) -> ThresholdError {
    .notRepresentable(
        strategy: strategy,
        reason: "the threshold must lie just above a score equal to the largest Double (1.8e308),"
            + " which has no next value; rescale the scores")
}
