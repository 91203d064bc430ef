import Commands
import Foundation

let console = Console(
    writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
    writeErr: { FileHandle.standardError.write(Data($0.utf8)) },
    errorIsTerminal: isatty(STDERR_FILENO) != 0)
exit(ThresholdKitCLI.run(Array(CommandLine.arguments.dropFirst()), console: console))
