/// Why the feature cache cannot be set up as the environment asks.
public enum FeatureCacheError: Error, Sendable, Hashable {
    /// An environment variable holds a value the cache cannot use; `expected` says what it takes.
    case invalidVariable(name: String, value: String, expected: String)
}

extension FeatureCacheError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .invalidVariable(name, value, expected):
            return "$\(name) = '\(value)' is invalid: expected \(expected)"
        }
    }
}
