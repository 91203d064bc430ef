import ArgumentParsing
import ScoreFiles

/// Options every score-reading command shares.
enum CommonOptions {
    static let reading: [OptionSpec] = [
        .value("column", "NAME", help: "CSV column holding the scores (CSV and TSV only).", default: "score"),
        .value("nan", "reject|drop", help: "What to do with NaN or ±inf scores.", default: "reject"),
        .flag("lower-is-anomalous", help: "The file's scores are lower when more anomalous (e.g. log-likelihoods); thresholds and scores are still reported in the file's units."),
    ]
    static let output: [OptionSpec] = [
        .flag("json", help: "Print JSON on stdout (warnings still go to stderr)."),
        .flag("quiet", help: "Silence progress and warnings."),
    ]

    static func fileOptions(_ args: ParsedArguments) throws(UsageError) -> ScoreFileOptions {
        var o = ScoreFileOptions()
        if let c = args.string("column") { o.column = c }
        if try args.choice("nan", from: ["reject", "drop"]) == "drop" { o.nonFinite = .drop }
        o.lowerIsAnomalous = args.flag("lower-is-anomalous")
        return o
    }
}
