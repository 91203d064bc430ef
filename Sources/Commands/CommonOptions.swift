import ArgumentParsing
import ScoreFiles

/// Options every score-reading command shares.
enum CommonOptions {
    /// Appended to the help of every option that reads one score file.
    static let standardInput = " '-' reads standard input (one option per run; its format is recognised from the content)."

    static let reading: [OptionSpec] = [
        .value("column", "NAME", help: "CSV column holding the scores (CSV and TSV only).", default: "score"),
        .value("nan", "reject|drop", help: "What to do with NaN or ±inf scores.", default: "reject"),
        .flag("lower-is-anomalous", help: "The file's scores are lower when more anomalous (e.g. log-likelihoods); thresholds and scores are still reported in the file's units."),
    ]
    static let output: [OptionSpec] = [
        .flag("json", help: "Print JSON on stdout (warnings still go to stderr)."),
        .flag("quiet", help: "Silence progress and warnings."),
    ]

    /// The score-file options, checked; also refuses `-` for two options, as the second would read nothing.
    static func fileOptions(_ args: ParsedArguments) throws(UsageError) -> ScoreFileOptions {
        let dashes = ["normal", "anomalous", "test", "input", "batch"].filter { args.string($0) == ScoreFile.standardInputPath }
        if dashes.count > 1 {
            throw UsageError(dashes.map { "--" + $0 }.joined(separator: " and ") + (dashes.count == 2 ? " both" : " all")
                             + " read standard input ('-'), which holds one file; give '-' to one of them only")
        }
        var o = ScoreFileOptions()
        if let c = args.string("column") { o.column = c }
        if try args.choice("nan", from: ["reject", "drop"]) == "drop" { o.nonFinite = .drop }
        o.lowerIsAnomalous = args.flag("lower-is-anomalous")
        return o
    }
}
