/// Why a pipeline step could not run; every case names what was wrong.
public enum PipelineError: Error, Sendable, Hashable {
    /// Too few samples for the requested step.
    case tooFewSamples(step: String, needed: Int, got: Int)
    /// A setting is outside its valid range.
    case invalidSetting(name: String, value: String, expected: String)
    /// A stage below the pipeline failed; the message is that stage's own error.
    case stage(String)
    /// A detector file cannot be read, written or used; `reason` says what is wrong with it.
    case detectorFile(path: String, reason: String)
}

extension PipelineError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .tooFewSamples(step, needed, got): return "\(step): need at least \(needed) samples, got \(got)"
        case let .invalidSetting(name, value, expected): return "\(name) = \(value) is invalid: expected \(expected)"
        case let .stage(message): return message
        case let .detectorFile(path, reason): return "detector file \(path): \(reason)"
        }
    }
}
