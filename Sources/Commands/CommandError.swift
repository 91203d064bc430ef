import ArgumentParsing

/// How a command failed; decides the exit code.
enum CommandError: Error {
    /// The command line is wrong: exit 2 with a usage hint.
    case usage(String, command: String?)
    /// The data is wrong (bad file, too few scores, …): exit 1 with one line naming the problem.
    case data(String)

    init(_ e: UsageError, command: String?) { self = .usage(e.message, command: command) }
}

/// Process exit codes: 0 ok, 1 data error, 2 usage error.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let dataError: Int32 = 1
    public static let usageError: Int32 = 2
}
