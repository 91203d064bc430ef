/// anomalib's normalised score: clamp((s − t)/(max − min) + 0.5, 0, 1), so the threshold maps to 0.5.
///
/// min and max come from the scores the threshold was fitted on. The value is
/// for display and for tools that expect [0, 1]; labels always come from the
/// raw `score ≥ t` comparison, because for s just below t the subtraction can
/// round to a value that lands exactly on 0.5.
public struct ScoreNormalization: Sendable, Hashable, Codable {
    public var threshold: Double
    public var minimum: Double
    public var maximum: Double

    /// Creates the map from a threshold and the range of the scores it was fitted on.
    public init(threshold: Double, minimum: Double, maximum: Double) {
        self.threshold = threshold
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Creates the map from a threshold and the scores it was fitted on (normal and anomalous).
    public init(threshold: Double, fittedOn scores: [Double]) {
        self.init(threshold: threshold, minimum: scores.min() ?? threshold, maximum: scores.max() ?? threshold)
    }

    /// The normalised score in [0, 1].
    ///
    /// With no spread (max = min) it is 0.5 at the threshold, 1 above and 0 below.
    public func normalized(_ score: Double) -> Double {
        let range = maximum - minimum
        guard range > 0, range.isFinite else {
            return score > threshold ? 1 : (score < threshold ? 0 : 0.5)
        }
        return Swift.min(Swift.max((score - threshold) / range + 0.5, 0), 1)
    }
}
