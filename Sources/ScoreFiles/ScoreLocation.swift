/// Where in a file a bad value was found.
public enum ScoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A 1-based line of a text, CSV or TSV file.
    case line(Int)
    /// A 0-based element of a JSON or `.npy` array, e.g. `scores[3]` or `labels[0]`.
    case element(array: String, index: Int)

    public var description: String {
        switch self {
        case let .line(n): return "line \(n)"
        case let .element(array, index): return "\(array)[\(index)]"
        }
    }
}
