import Foundation

/// Writes to a file descriptor with `write(2)`, remembering the first failure instead of trapping.
///
/// A full disk (`> /dev/full`), a closed descriptor (`>&-`) or a reader that went away
/// (`| head`) must end the program with exit code 1, not a crash; the CLI checks
/// ``failure`` when the command is done.
public final class StreamWriter: @unchecked Sendable {
    public let descriptor: Int32
    private let lock = NSLock()
    private var failed: String?

    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes all of `text`; after a failure, later writes are dropped.
    public func write(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        guard failed == nil else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = String(cString: strerror(errno))
                return
            }
            offset += n
        }
        bytes.removeAll()
    }

    /// Why a write failed, if one did.
    public var failure: String? { lock.lock(); defer { lock.unlock() }; return failed }
}

extension ThresholdKitCLI {
    /// Runs the CLI on the process's standard streams and returns the exit code: the command's,
    /// or 1 when stdout or stderr could not be written (with one line on stderr if it still works).
    public static func main(_ arguments: [String], stdout: StreamWriter = StreamWriter(descriptor: STDOUT_FILENO),
                            stderr: StreamWriter = StreamWriter(descriptor: STDERR_FILENO),
                            errorIsTerminal: Bool = isatty(STDERR_FILENO) != 0) -> Int32 {
        // A reader that closes the pipe should end in exit 1, not in a SIGPIPE kill.
        signal(SIGPIPE, SIG_IGN)
        let console = Console(writeOut: stdout.write, writeErr: stderr.write, errorIsTerminal: errorIsTerminal)
        let code = run(arguments, console: console)
        if let reason = stdout.failure {
            stderr.write("error: cannot write to standard output: \(reason)\n")
            return ExitCode.dataError
        }
        if stderr.failure != nil { return code == ExitCode.success ? ExitCode.dataError : code }
        return code
    }
}
