import ArgumentParsing

/// The `thresholdkit` command line: dispatches to subcommands and maps errors to exit codes.
public enum ThresholdKitCLI {
    public static let version = "0.1.0"

    struct Subcommand: Sendable {
        var spec: CommandSpec
        var run: @Sendable (ParsedArguments, Console) throws(CommandError) -> Void
    }

    static let subcommands: [Subcommand] = [
        Subcommand(spec: ThresholdCommand.spec, run: ThresholdCommand.run),
        Subcommand(spec: CompareCommand.spec, run: CompareCommand.run),
        Subcommand(spec: LabelCommand.spec, run: LabelCommand.run),
        Subcommand(spec: MetricsCommand.spec, run: MetricsCommand.run),
        Subcommand(spec: FitCommand.spec, run: FitCommand.run),
        Subcommand(spec: PredictCommand.spec, run: PredictCommand.run),
        Subcommand(spec: FeaturesCommand.spec, run: FeaturesCommand.run),
        Subcommand(spec: SynthesizeCommand.spec, run: SynthesizeCommand.run),
        Subcommand(spec: ConvertCommand.spec, run: ConvertCommand.run),
        Subcommand(spec: DemoCommand.spec, run: DemoCommand.run),
    ]

    /// Runs the CLI with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        // No arguments runs the main job: the built-in demo.
        guard let first = arguments.first else { return run(["demo"], console: console) }
        if first == "--help" || first == "-h" || first == "help" {
            console.writeOut(overview())
            return ExitCode.success
        }
        if first == "--version" {
            console.out(version)
            return ExitCode.success
        }
        guard let command = subcommands.first(where: { $0.spec.name == first }) else {
            console.err("error: unknown command '\(first)'")
            console.writeErr(overview())
            return ExitCode.usageError
        }
        do throws(CommandError) {
            let parsed: ParsedArguments
            do throws(UsageError) { parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), spec: command.spec) } catch {
                throw CommandError(error, command: command.spec.name)
            }
            if parsed.flag("help") {
                console.writeOut(command.spec.helpText(program: "thresholdkit") + "\n" + exitCodesHelp + "\n")
                return ExitCode.success
            }
            try command.run(parsed, console)
            return ExitCode.success
        } catch {
            let (code, message) = error.exit
            console.err("error: \(message)")
            if error.pointsToHelp {
                console.err("Run 'thresholdkit \(command.spec.name) --help' for its options.")
            }
            return code
        }
    }

    /// The end of every help text: what each exit code means.
    static let exitCodesHelp = """
        EXIT CODES:
          0  success (warnings go to stderr and do not change it)
          1  the data or a file: unreadable or malformed input, a threshold that cannot be fitted,
             an existing output refused without --force, a failed write
          2  usage: unknown, repeated or missing option, a value out of range, options that conflict,
             a bad $THRESHOLDKIT_CACHE_MAX_MB
        """

    static func overview() -> String {
        let width = subcommands.map(\.spec.name.count).max() ?? 0
        let lines = subcommands.map { "  \($0.spec.name)" + String(repeating: " ", count: width - $0.spec.name.count + 2) + $0.spec.summary }
        return """
            ThresholdKit \(version): turn anomaly scores into good/anomalous labels using only good samples.

            USAGE: thresholdkit <command> [options]      (no command runs the demo)

            COMMANDS:
            \(lines.joined(separator: "\n"))

            Run 'thresholdkit <command> --help' for a command's options.

            \(exitCodesHelp)

            """
    }
}
