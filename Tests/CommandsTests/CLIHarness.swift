import ArrayFormats
import Foundation
@testable import Commands

/// Runs the CLI in-process and captures what a user would see.
struct CLIResult {
    var code: Int32
    var stdout: String
    var stderr: String

    /// stdout parsed as JSON; fails the test's `#require` if it is not exactly one JSON value.
    func json() throws -> JSONValue { try JSONValue.parse(stdout) }
}

final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var out = "", err = ""
    func appendOut(_ s: String) { lock.lock(); out += s; lock.unlock() }
    func appendErr(_ s: String) { lock.lock(); err += s; lock.unlock() }
    var result: (String, String) { lock.lock(); defer { lock.unlock() }; return (out, err) }
}

func runCLI(_ args: [String]) -> CLIResult {
    let capture = Capture()
    let console = Console(writeOut: capture.appendOut, writeErr: capture.appendErr, errorIsTerminal: false)
    let code = ThresholdKitCLI.run(args, console: console)
    let (out, err) = capture.result
    return CLIResult(code: code, stdout: out, stderr: err)
}

/// A temporary file with the given contents, removed when the test's scope ends.
final class TempFile: Sendable {
    let path: String
    init(_ contents: String, ext: String) {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tk-cli-\(UUID().uuidString).\(ext)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
