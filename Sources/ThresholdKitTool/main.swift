import Commands
import Foundation

exit(ThresholdKitCLI.main(Array(CommandLine.arguments.dropFirst())))
