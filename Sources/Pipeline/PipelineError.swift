import ArrayFormats
import Features
import Imaging
import Scoring
import Thresholding

/// Why a pipeline step could not run. Errors of the stages below keep their type, wrapped
/// with what the pipeline was doing, until the command line turns them into one line.
public enum PipelineError: Error, Sendable, Hashable {
    /// Too few samples for the requested step.
    case tooFewSamples(step: String, needed: Int, got: Int)
    /// A setting the caller chose is outside its valid range or does not fit the rest
    /// (a usage error at the command line).
    case invalidSetting(name: String, value: String, expected: String)
    /// An input file or folder is not what the step needs (a data error).
    case invalidInput(name: String, value: String, expected: String)
    /// The scorer failed; `step` says at what (fitting, scoring the test images, …).
    case scoring(ScoringError, step: String)
    /// A threshold strategy could not be fitted.
    case threshold(ThresholdError, strategy: String)
    /// Feature extraction failed (weights, settings, an image).
    case features(FeaturesError)
    /// An image could not be read or written.
    case imaging(ImagingError)
    /// An array, JSON or archive file could not be read or written.
    case file(ArrayFormatError)
    /// A detector file cannot be read, written or used; `reason` says what is wrong with it.
    case detectorFile(path: String, reason: String)
    /// A file or folder could not be written.
    case unwritable(path: String, reason: String)

    /// Whether the caller's settings, not the data, are at fault (exit code 2 at the command line).
    public var isUsageError: Bool {
        if case .invalidSetting = self { return true }
        return false
    }
}

extension PipelineError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .tooFewSamples(step, needed, got):
            return "\(step): need at least \(needed) sample\(needed == 1 ? "" : "s"), got \(got)"
        case let .invalidSetting(name, value, expected), let .invalidInput(name, value, expected):
            return "\(name) = \(value) is invalid: expected \(expected)"
        case let .scoring(error, step): return "\(step): \(error)"
        case let .threshold(error, strategy):
            let text = error.description
            return text.hasPrefix(strategy) ? text : "\(strategy): \(text)"
        case let .features(error): return error.description
        case let .imaging(error): return error.description
        case let .file(error): return error.description
        case let .detectorFile(path, reason): return "detector file \(path): \(reason)"
        case let .unwritable(path, reason): return "\(path): cannot be written: \(reason)"
        }
    }
}
