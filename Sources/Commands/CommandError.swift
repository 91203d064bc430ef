import ArgumentParsing
import ArrayFormats
import Imaging
import Pipeline
import ScoreFiles
import Thresholding

/// How a command failed. Errors of the modules below keep their type until
/// ``ThresholdKitCLI`` turns them into an exit code and one line.
enum CommandError: Error {
    /// The command line is wrong: exit 2 with a usage hint.
    case usage(String, command: String?)
    /// A pipeline step failed: exit 2 when it is a setting's fault, else 1.
    case pipeline(PipelineError)
    /// A threshold could not be fitted or applied: exit 1.
    case threshold(ThresholdError)
    /// A score file could not be read: exit 1.
    case scoreFile(ScoreFileError)
    /// An image could not be read or written: exit 1.
    case imaging(ImagingError)
    /// An array or JSON file could not be read or written: exit 1.
    case file(ArrayFormatError)
    /// The data does not suit the command (no labels where labels are needed, …): exit 1.
    case data(String)
    /// An environment variable holds a bad setting: exit 2, with no pointer to --help (no option is at fault).
    case environment(String)

    init(_ e: UsageError, command: String?) { self = .usage(e.message, command: command) }
    init(_ e: ParameterError, command: String?) { self = .usage(e.description, command: command) }

    /// The exit code and the one line a user sees.
    var exit: (code: Int32, message: String) {
        switch self {
        case let .usage(message, _): return (ExitCode.usageError, message)
        case let .pipeline(e): return (e.isUsageError ? ExitCode.usageError : ExitCode.dataError, e.description)
        case let .threshold(e): return (ExitCode.dataError, e.description)
        case let .scoreFile(e): return (ExitCode.dataError, e.description)
        case let .imaging(e): return (ExitCode.dataError, e.description)
        case let .file(e): return (ExitCode.dataError, e.description)
        case let .data(message): return (ExitCode.dataError, message)
        case let .environment(message): return (ExitCode.usageError, message)
        }
    }

    /// Whether the message should point to the command's --help: usage errors other than the environment's.
    var pointsToHelp: Bool {
        if case .environment = self { return false }
        return exit.code == ExitCode.usageError
    }
}

/// Process exit codes: 0 ok, 1 data error, 2 usage error.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let dataError: Int32 = 1
    public static let usageError: Int32 = 2
}
