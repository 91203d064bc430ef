/// Why a file's bytes could not be read: missing, or present but unreadable.
///
/// Each module that reads files maps this into its own error type, so one reader
/// serves them all while their messages keep naming the file the same way.
public enum FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path (or a component of it is not a directory).
    case missingFile(path: String)
    /// Something exists at the path but cannot be read; `reason` says why in a few words,
    /// e.g. "is a directory, not a file" or "permission denied".
    case unreadable(path: String, reason: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case let .missingFile(path), let .unreadable(path, _): return path
        }
    }

    /// Why the file could not be read, without the path: "no such file" or the unreadable reason.
    public var reason: String {
        switch self {
        case .missingFile: return "no such file"
        case let .unreadable(_, reason): return reason
        }
    }

    /// "path: reason", the form every module's file errors share.
    public var description: String { "\(path): \(reason)" }
}
