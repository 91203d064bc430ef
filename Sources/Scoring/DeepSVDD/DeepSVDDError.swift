/// Why Deep SVDD could not be trained or could not score its input.
public enum DeepSVDDError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The training set has no samples.
    case emptyTrainingSet
    /// Too few training samples: batch normalisation needs at least two.
    case tooFewSamples(minimum: Int, actual: Int)
    /// A tensor's shape does not fit the architecture; both shapes include the sample dimension.
    case shapeMismatch(expected: [Int], actual: [Int])
    /// A sample holds NaN or ±infinity.
    case nonFiniteValue(sample: Int)
    /// A configuration or architecture parameter is out of range; the message names it.
    case invalidConfiguration(String)
    /// The mean initial output is exactly zero in every coordinate, which is the collapsed
    /// solution itself (all-zero inputs do this: without biases the network maps them to 0).
    case degenerateCenter
    /// The loss became NaN or infinite during the given 1-based epoch of `phase`.
    case diverged(phase: DeepSVDDProgress.Phase, epoch: Int)

    public var description: String {
        switch self {
        case .emptyTrainingSet:
            return "Deep SVDD needs at least one training sample"
        case let .tooFewSamples(minimum, actual):
            return "Deep SVDD needs at least \(minimum) training samples, got \(actual)"
        case let .shapeMismatch(expected, actual):
            return "expected a tensor of shape \(Self.format(expected)), got \(Self.format(actual))"
        case let .nonFiniteValue(sample):
            return "sample \(sample) holds a NaN or infinite value"
        case let .invalidConfiguration(message):
            return "invalid Deep SVDD configuration: \(message)"
        case .degenerateCenter:
            return "the centre c is zero in every coordinate (hypersphere collapse); are the inputs all zero?"
        case let .diverged(phase, epoch):
            return "the \(phase) loss is not finite in epoch \(epoch); try a smaller learning rate"
        }
    }

    private static func format(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "×")
    }
}
